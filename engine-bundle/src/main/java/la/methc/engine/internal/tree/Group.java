package la.methc.engine.internal.tree;

/** A node holding an ordered list of children, processed head to tail. */
public final class Group extends Node {

    Node head;
    Node tail;
    /** The root's: {@link Node#treeChanges}. */
    long changes;

    public Group(int id) {
        super(id);
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

    /** RT. The children head to tail; runs of isolated synths go to the render or DSP threads, if any. */
    @Override
    void process(BlockContext block) {
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
