package la.methc.engine.internal.tree;

/** A node holding an ordered list of children, processed head to tail. */
public final class Group extends Node {

    Node head;
    Node tail;

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

    @Override
    void process(BlockContext block) {
        for (Node n = head; n != null; n = n.next) {
            n.process(block);
        }
    }
}
