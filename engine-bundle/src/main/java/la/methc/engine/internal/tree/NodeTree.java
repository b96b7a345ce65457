package la.methc.engine.internal.tree;

/**
 * The node tree: a table of nodes by client-chosen id (0 ≤ id &lt; maxNodes, root group 0) and the linked
 * groups. RT only: it is the single writer, so nothing here is synchronised or allocates.
 */
public final class NodeTree {

    /** Results of {@link #insert}. */
    public static final int OK = 0;
    public static final int ID_IN_USE = 1;
    public static final int NO_TARGET = 2;
    public static final int TARGET_NOT_GROUP = 3;
    public static final int TARGET_IS_ROOT = 4;

    /** Told about nodes leaving the tree and done notifications. RT. */
    public interface Listener {
        /** {@code cause} is the client whose command freed the node, or null. */
        void nodeEnded(Node node, Object cause);

        void nodeDone(Node node);
    }

    private final Node[] nodes;
    private final Group root;
    private final Listener listener;
    private final Node[] doomed;
    private int numDoomed;
    private int numSynths;
    private int numGroups;

    public NodeTree(int maxNodes, Listener listener) {
        nodes = new Node[maxNodes];
        doomed = new Node[maxNodes];
        root = new Group(0);
        nodes[0] = root;
        numGroups = 1;
        this.listener = listener;
    }

    public Group root() {
        return root;
    }

    public int capacity() {
        return nodes.length;
    }

    public boolean inRange(int id) {
        return id >= 0 && id < nodes.length;
    }

    /** RT. The live node with this id, or null. */
    public Node get(int id) {
        return inRange(id) ? nodes[id] : null;
    }

    public int numSynths() {
        return numSynths;
    }

    public int numGroups() {
        return numGroups;
    }

    /** RT. Links {@code node} relative to the node {@code targetId}; returns {@link #OK} or why not. */
    public int insert(Node node, int targetId, int addAction) {
        if (nodes[node.id] != null) {
            return ID_IN_USE;
        }
        Node target = get(targetId);
        if (target == null) {
            return NO_TARGET;
        }
        switch (addAction) {
            case AddAction.HEAD, AddAction.TAIL -> {
                if (!target.isGroup()) {
                    return TARGET_NOT_GROUP;
                }
                Group g = (Group) target;
                if (addAction == AddAction.HEAD) {
                    linkBefore(node, g, g.head);
                } else {
                    linkAfter(node, g, g.tail);
                }
            }
            case AddAction.BEFORE -> {
                if (target == root) {
                    return TARGET_IS_ROOT;
                }
                linkBefore(node, target.parent, target);
            }
            default -> {
                if (target == root) {
                    return TARGET_IS_ROOT;
                }
                linkAfter(node, target.parent, target);
            }
        }
        nodes[node.id] = node;
        if (node.isGroup()) {
            numGroups++;
        } else {
            numSynths++;
        }
        return OK;
    }

    private static void linkBefore(Node node, Group group, Node succ) {
        Node pred = succ == null ? group.tail : succ.prev;
        link(node, group, pred, succ);
    }

    private static void linkAfter(Node node, Group group, Node pred) {
        Node succ = pred == null ? group.head : pred.next;
        link(node, group, pred, succ);
    }

    private static void link(Node node, Group group, Node pred, Node succ) {
        node.parent = group;
        node.prev = pred;
        node.next = succ;
        if (pred == null) {
            group.head = node;
        } else {
            pred.next = node;
        }
        if (succ == null) {
            group.tail = node;
        } else {
            succ.prev = node;
        }
    }

    /** RT. Frees a node (a group with everything in it) and tells the listener about each one. */
    public void free(Node node, Object cause) {
        if (node.isGroup()) {
            freeChildren((Group) node, cause);
        }
        unlink(node);
        listener.nodeEnded(node, cause);
    }

    /**
     * RT. Takes a synth out of the tree without telling the listener: a synth refused in its attach, which
     * the client never had, gets no {@code /node/ended}.
     */
    public void remove(SynthNode node) {
        if (nodes[node.id] == node) {
            unlink(node);
        }
    }

    private void unlink(Node node) {
        Group g = node.parent;
        if (node.prev == null) {
            g.head = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            g.tail = node.prev;
        } else {
            node.next.prev = node.prev;
        }
        node.parent = null;
        node.prev = null;
        node.next = null;
        nodes[node.id] = null;
        if (node.isGroup()) {
            numGroups--;
        } else {
            numSynths--;
        }
    }

    /** RT. Frees every child of {@code group}, keeping the group. */
    public void freeChildren(Group group, Object cause) {
        while (group.head != null) {
            free(group.head, cause);
        }
    }

    /** RT. Processes the whole tree for one block, then frees the nodes that finished during it. */
    public void process(BlockContext block) {
        root.process(block);
        freeDoomed();
    }

    /**
     * RT. A synth said it is done: apply its done flags the way Methcla does (free self, neighbours,
     * siblings or parent; notify). Nodes are freed after the block.
     */
    public void done(Node node) {
        int flags = node.doneFlags;
        if ((flags & Node.DONE_FREE_PARENT) != 0) {
            if (node.parent != null && node.parent != root) {
                doneFreeSelf(node.parent);
            }
        } else if ((flags & Node.DONE_FREE_ALL_SIBLINGS) != 0) {
            if (node.parent != null) {
                for (Node n = node.parent.head; n != null; n = n.next) {
                    if (n != node) {
                        doneFreeSelf(n);
                    }
                }
            }
        } else {
            if ((flags & Node.DONE_FREE_PRECEDING) != 0 && node.prev != null) {
                doneFreeSelf(node.prev);
            }
            if ((flags & Node.DONE_FREE_FOLLOWING) != 0 && node.next != null) {
                doneFreeSelf(node.next);
            }
            if ((flags & Node.DONE_FREE_SELF) != 0) {
                doom(node);
            }
        }
        if ((flags & Node.DONE_NOTIFY) != 0 && !node.doneNotified) {
            node.doneNotified = true;
            listener.nodeDone(node);
        }
    }

    private void doneFreeSelf(Node node) {
        if (!node.doomed) {
            // doomed before recursing: two nodes freeing each other's siblings must not loop
            node.doneFlags |= Node.DONE_FREE_SELF;
            doom(node);
            done(node);
        }
    }

    /** RT. Marks a node to be freed after the current block. */
    public void doom(Node node) {
        if (!node.doomed) {
            node.doomed = true;
            doomed[numDoomed++] = node;
        }
    }

    private void freeDoomed() {
        for (int i = 0; i < numDoomed; i++) {
            Node n = doomed[i];
            doomed[i] = null;
            if (nodes[n.id] == n) {
                free(n, null);
            }
        }
        numDoomed = 0;
    }
}
