package la.methc.engine.internal.command;

import com.illposed.osc.OSCPacket;
import la.methc.api.HostCommand;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.record.OutputRecorder;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.bus.Buses;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;
import la.methc.engine.internal.tree.TreeSnapshot;

/**
 * What a {@link Command} may touch on the RT thread: the state only RT writes and the replies it sends, as the
 * node tree sees the engine through {@code BlockContext}. The engine implements it; commands know nothing else of
 * it. RT only.
 */
public interface RtContext {

    NodeTree tree();

    Buses buses();

    SlotPool resources();

    /** The engine as plugins see it on RT. */
    World world();

    /** {@code /error s:address i:id s:reason} to {@code client} (every notify client if null). */
    void error(String address, int id, String reason, Client client);

    /** {@code /status.reply} to {@code client}. */
    void status(Client client);

    /** {@code /sync i:id}: {@code /synced i:id} once everything before it is done. */
    void sync(Client client, int id);

    /** {@code /resource/info} for slot {@code id} (in range) to {@code client}. */
    void resourceInfo(Client client, int id);

    /** {@code /node/info i:id i:parent i:isGroup s:uri} for {@code node} to {@code client}. */
    void nodeInfo(Client client, Node node);

    /** {@code /group/queryTree.reply} from {@code snapshot} (filled on RT), built off RT, to {@code client}. */
    void tree(Client client, TreeSnapshot snapshot);

    /** {@code /done s:address} to {@code client}. */
    void done(Client client, String address);

    /** {@code /scheduler/info i:pending i:capacity} to {@code client}. */
    void schedulerInfo(Client client);

    /** Drops every scheduled command (not yet due), letting go of what it holds. */
    void dropScheduled();

    /** Runs a linked synth's attach; false when it threw (answered, unlinked, discarded). */
    boolean attach(SynthNode node, Command cause);

    /** Re-binds a synth's resource port; a refusal keeps the old binding and is logged. */
    void remap(SynthNode node, int port, int resourceId);

    /** A synth that never entered the tree, to be destroyed off RT. */
    void discard(Synth synth);

    /** Frees (with {@code /node/ended}) every synth that holds a slot of {@code def}; how many. */
    int freeHolders(ResourceDefEntry def);

    /** {@code packet}, built off RT, to {@code client} in order with RT's other replies. */
    void reply(Client client, OSCPacket packet);

    /** The recorder of the hardware outputs ({@code /output/record/…}). */
    OutputRecorder recorder();

    /** Hands {@code job} to a worker, counted for {@code /sync} (the command's events include it); false if no room. */
    boolean post(HostCommand job);

    /** A warning for the log (an error path: the text may be built). */
    void warn(String message, Throwable cause);

    /**
     * Whether {@code c} must wait in line: one of its Resources is being made (Constructing), or commands wait in
     * line already (arrival order is kept). If so it is in line, or refused with {@code /error} when the line is
     * full, and true is returned; it then {@link AwaitsResources#resume resumes} in arrival order once no
     * Resource it names is being made. False: it runs now.
     */
    boolean await(AwaitsResources c);

    /** Answers every command waiting in line with {@code /error} (the engine is shutting down). */
    void abandonWaiting();
}
