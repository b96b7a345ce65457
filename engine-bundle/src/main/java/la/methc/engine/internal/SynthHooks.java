package la.methc.engine.internal;

import la.methc.api.World;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.HeldResources;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;

/**
 * Runs a synth's attach, remap and detach, and knows who holds what (ADR 0012): while a synth's hook or process
 * runs it is the holder of what it acquires, elsewhere the engine is; a synth that leaves the tree is detached and
 * what it forgot is released. RT only; allocation-free but on error paths.
 */
final class SynthHooks implements NodeTree.Listener {

    private final SlotPool resources;
    private final RtEvents events;
    /** The holds taken outside any synth (in a plugin's WorldCommand): the engine is their holder. */
    private final HeldResources engineHolds;
    private World world;
    /** The synth whose attach, remap or detach runs now. */
    private SynthNode holder;
    /** The synth whose hook or process runs now (null outside one). */
    private SynthNode current;

    SynthHooks(SlotPool resources, RtEvents events, int maxResources) {
        this.resources = resources;
        this.events = events;
        engineHolds = new HeldResources(2 * maxResources);
    }

    /** Once, before RT starts: the World the hooks get. */
    void world(World w) {
        world = w;
    }

    /** The holder acquiring or releasing now: the synth in its attach, remap, detach or process, else the engine. */
    HeldResources holds() {
        SynthNode n = holder != null ? holder : current;
        return n != null ? n.held() : engineHolds;
    }

    /** The synth whose hook or process runs now, or null. */
    SynthNode current() {
        return current;
    }

    /** The tree's processing enters {@code node} (null: it left the last one). */
    void enter(SynthNode node) {
        current = node;
    }

    /**
     * Runs the synth's attach right after {@code /synth/new} linked it. If it throws, answers {@code /error} for that
     * command (reason: the exception's message), takes the synth out of the tree without {@code /node/ended} (the
     * client never had it), detaches it and discards it.
     *
     * @return whether the synth stays
     */
    boolean attach(NodeTree tree, SynthNode node, Command cause) {
        SynthNode outer = current;
        holder = node;
        current = node;
        Throwable failure = null;
        try {
            node.synth().attach(world);
        } catch (Throwable t) {
            failure = t;
        }
        holder = null;
        if (failure == null) {
            current = outer;
            return true;
        }
        // error path: allocation is allowed
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        events.error(cause.address(), node.id(), reason, cause.client());
        tree.remove(node);
        detach(node);
        current = outer;
        events.discard(node.synth());
        return false;
    }

    /**
     * {@code /node/set i:id i:param i:resource-id} on a resource port: the synth re-binds it. A refusal (false, or an
     * exception) keeps the old binding and is logged as a warning by the notifier; the client is not told (ADR 0001).
     */
    void remap(SynthNode node, int port, int resourceId) {
        SynthNode outer = current;
        holder = node;
        current = node;
        resources.holds().clearLastFailure();
        Object why = null;
        try {
            if (!node.synth().remap(world, port, resourceId)) {
                why = resources.holds().lastFailure();
            }
        } catch (Throwable t) {
            why = t;
        }
        holder = null;
        current = outer;
        if (why != null) {
            events.remapFailed(node.id(), node.def().uri(), port, resourceId, why);
        }
    }

    /** The synth leaves the tree: its detach releases its Resources; the engine releases what is left. */
    void detach(SynthNode node) {
        SynthNode outer = current;
        holder = node;
        current = node;
        try {
            node.synth().detach(world);
        } catch (Throwable t) {
            events.warn(EngineText.detachThrew(node), t);
        }
        holder = null;
        current = outer;
        HeldResources held = node.held();
        if (held.size() > 0) {
            for (int i = 0; i < held.size(); i++) {
                events.warn(EngineText.leftHolding(node, held.id(i), held.count(i)), null);
            }
            resources.holds().releaseAll(held);
        }
    }

    /** A node left the tree: a synth is detached, then {@code /node/ended} goes to notify clients and {@code cause}. */
    @Override
    public void nodeEnded(Node node, Object cause) {
        SynthNode synth = node.isGroup() ? null : (SynthNode) node;
        if (synth != null) {
            detach(synth);
        }
        events.nodeEnded(node.id(), (Client) cause, synth == null ? null : synth.synth(),
                synth == null ? null : synth.entry().uri());
    }

    /** Once per node (NodeTree): one of its events in the reserve. */
    @Override
    public void nodeDone(Node node) {
        events.nodeDone(node.id());
    }

    /** Frees (with {@code /node/ended}) every synth that holds a slot of {@code def}; returns how many. */
    int freeHolders(NodeTree tree, ResourceDefEntry def) {
        int freed = 0;
        Node n = tree.root();
        while (n != null) {
            Node next = NodeTree.next(n, tree.root()); // a synth has no children: its successor outlives it
            if (n instanceof SynthNode s && resources.holds().holdsAny(s.held(), def)) {
                tree.free(s, null);
                freed++;
            }
            n = next;
        }
        return freed;
    }
}
