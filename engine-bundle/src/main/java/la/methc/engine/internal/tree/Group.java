package la.methc.engine.internal.tree;

/**
 * A node holding an ordered list of children, processed head to tail; or, a parallel group, whose children (synths
 * or subtrees) the client says are independent, so that they may run on any DSP or render thread
 * ({@link ParallelChildren}).
 */
public final class Group extends Node {

    Node head;
    Node tail;
    /** The root's: {@link Node#treeChanges}. */
    long changes;
    private final boolean parallel;
    /** What {@code /node/info} and {@code /group/queryTree} give as a group's uri: "" (null here) or "parallel". */
    private final String kind;

    public Group(int id) {
        this(id, false);
    }

    public Group(int id, boolean parallel) {
        super(id);
        this.parallel = parallel;
        kind = parallel ? NodeText.parallelKind() : null; // made off RT: RT only reads the field
    }

    /** The uri field of this group in {@code /node/info} and {@code /group/queryTree.reply}; null for "". */
    public String kind() {
        return kind;
    }

    /** Whether this is a parallel group ({@code /group/new … i:1}). */
    public boolean parallel() {
        return parallel;
    }

    public Node head() {
        return head;
    }

    public Node tail() {
        return tail;
    }

    @Override
    public boolean isGroup() {
        return true;
    }

    /**
     * RT. A parallel group's children as units, else the children head to tail; runs of isolated synths go to the
     * render or DSP threads, if any.
     */
    @Override
    void process(BlockContext block) {
        ParallelChildren children = parallel ? block.parallelGroups() : null;
        if (children != null) {
            children.process(this, block);
            return;
        }
        IsolatedRuns parallel = block.parallel();
        Node n = head;
        while (n != null) {
            if (parallel != null && !n.isGroup() && ((SynthNode) n).isolated()) {
                n = parallel.process((SynthNode) n, block);
            } else {
                n.process(block);
                n = n.next;
            }
        }
    }
}
