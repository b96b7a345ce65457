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

    /** RT. One block for this node (and, for a group, its children head to tail). */
    abstract void process(BlockContext block);
}
