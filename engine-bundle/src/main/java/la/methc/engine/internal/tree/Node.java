package la.methc.engine.internal.tree;

/** A node of the tree: a {@link Group} or a {@link SynthNode}. Linked and unlinked on RT only. */
public abstract class Node {

    /** Methcla's done flags, set with {@code /synth/property/doneFlags/set}. */
    public static final int DONE_FREE_SELF = 0x01;
    public static final int DONE_FREE_PRECEDING = 0x02;
    public static final int DONE_FREE_FOLLOWING = 0x04;
    public static final int DONE_FREE_ALL_SIBLINGS = 0x08;
    public static final int DONE_FREE_PARENT = 0x10;
    public static final int DONE_NOTIFY = 0x20;
    public static final int DONE_ALL = 0x3f;

    final int id;
    Group parent;
    Node prev;
    Node next;
    int doneFlags;
    /** Marked for freeing at the end of the block. */
    boolean doomed;
    /** Whether {@code /node/done} went out: once per node, so a node's events stay bounded (ADR 0012). */
    boolean doneNotified;

    protected Node(int id) {
        this.id = id;
    }

    public final int id() {
        return id;
    }

    public final Group parent() {
        return parent;
    }

    public final Node prev() {
        return prev;
    }

    public final Node next() {
        return next;
    }

    /** RT. */
    public final void setDoneFlags(int flags) {
        doneFlags = flags;
    }

    public final int doneFlags() {
        return doneFlags;
    }

    public abstract boolean isGroup();

    /**
     * RT. How often the tree this node is in has changed in a way that can change a run of isolated synths or the walk
     * of a parallel group: a node linked, unlinked or doomed, a synth activated or a port mapped to a bus. DSP threads
     * reuse the runs and walks they made while it stays the same (ParallelSynths, ParallelGroups).
     */
    public final long treeChanges() {
        Group root = top();
        return root == null ? -1 : root.changes;
    }

    /** RT. Counts a change to this node's tree (see {@link #treeChanges}); nothing for a synth not linked yet. */
    final void changed() {
        Group root = top();
        if (root != null) {
            root.changes++;
        }
    }

    /** The root of this node's tree (of its own subtree when it is not linked), or null for a lone synth. */
    private Group top() {
        Node n = this;
        while (n.parent != null) {
            n = n.parent;
        }
        return n.isGroup() ? (Group) n : null;
    }

    /** RT. One block for this node (and, for a group, its children head to tail). */
    abstract void process(BlockContext block);
}
