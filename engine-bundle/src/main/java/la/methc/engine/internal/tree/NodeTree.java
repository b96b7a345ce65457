package la.methc.engine.internal.tree;

import org.jctools.queues.MpscArrayQueue;

/**
 * The node tree: the nodes by client-chosen id (any id from 0 to 2^31-1, root group 0; at most {@code maxNodes} at
 * once, the root included) in a preallocated {@link NodeMap}, and the linked groups. RT only: it is the single
 * writer, so nothing here is synchronised or allocates (the notifier only gives {@link TreeSnapshot}s back).
 */
public final class NodeTree {

    /** Results of {@link #insert}. */
    public static final int OK = 0;
    public static final int ID_IN_USE = 1;
    public static final int NO_TARGET = 2;
    public static final int TARGET_NOT_GROUP = 3;
    public static final int TARGET_IS_ROOT = 4;
    public static final int FULL = 5;

    /** Told about nodes leaving the tree and done notifications. RT. */
    public interface Listener {
        /** {@code cause} is the client whose command freed the node, or null. */
        void nodeEnded(Node node, Object cause);

        void nodeDone(Node node);
    }

    private final NodeMap nodes;
    private final Group root;
    private final Listener listener;
    private final Node[] doomed;
    private int numDoomed;
    private int numSynths;
    private int numGroups;
    /**
     * The snapshots {@code /group/queryTree} fills, made once: RT takes one per query, the notifier gives it back
     * once it built the reply (RT too, when it cannot hand it over). So a flood of queries allocates nothing and
     * RT walks the tree for at most {@link TreeSnapshot#POOL} of them at a time; the others are answered busy.
     */
    private final MpscArrayQueue<TreeSnapshot> snapshots = new MpscArrayQueue<>(TreeSnapshot.POOL);

    public NodeTree(int maxNodes, Listener listener) {
        nodes = new NodeMap(maxNodes);
        for (int i = 0; i < TreeSnapshot.POOL; i++) {
            snapshots.offer(new TreeSnapshot(maxNodes, snapshots));
        }
        doomed = new Node[maxNodes];
        root = new Group(0);
        nodes.put(root);
        numGroups = 1;
        this.listener = listener;
    }

    public Group root() {
        return root;
    }

    /** RT. A snapshot for a tree query, to {@linkplain TreeSnapshot#release release} after use; null if all are out. */
    public TreeSnapshot snapshot() {
        return snapshots.relaxedPoll();
    }

    /** How many nodes may be in the tree at once (maxNodes), the root included. Any thread. */
    public int capacity() {
        return nodes.capacity();
    }

    /** RT. The live node with this id, or null. */
    public Node get(int id) {
        return nodes.get(id);
    }

    /**
     * RT. The node after {@code node} in depth-first order (a group's children before its next sibling), within the
     * tree below {@code top}; null after the last. The walk allocates nothing and needs no stack.
     */
    public static Node next(Node node, Group top) {
        if (node instanceof Group g && g.head != null) {
            return g.head;
        }
        return nextSkippingChildren(node, top);
    }

    /** RT. Like {@link #next} but past the nodes below {@code node}: safe to free a synth after taking this. */
    public static Node nextSkippingChildren(Node node, Group top) {
        for (Node n = node; n != top && n != null; n = n.parent) {
            if (n.next != null) {
                return n.next;
            }
        }
        return null;
    }

    public int numSynths() {
        return numSynths;
    }

    public int numGroups() {
        return numGroups;
    }

    /** RT. Links {@code node} relative to the node {@code targetId}; returns {@link #OK} or why not. */
    public int insert(Node node, int targetId, int addAction) {
        if (nodes.get(node.id) != null) {
            return ID_IN_USE;
        }
        if (nodes.size() == nodes.capacity()) {
            return FULL;
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
        nodes.put(node);
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
        group.changed();
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
        if (nodes.get(node.id) == node) {
            unlink(node);
        }
    }

    private void unlink(Node node) {
        node.changed();
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
        nodes.remove(node.id);
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

    /**
     * RT. Processes the whole tree for one block, then frees the nodes that finished during it, and lets the DSP
     * or render threads let go of freed synths.
     */
    public void process(BlockContext block) {
        root.process(block);
        freeDoomed();
        IsolatedRuns parallel = block.parallel();
        if (parallel != null) {
            parallel.blockDone(root.treeChanges());
        }
        ParallelChildren groups = block.parallelGroups();
        if (groups != null) {
            groups.blockDone(root.treeChanges());
        }
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
            node.changed();
            doomed[numDoomed++] = node;
        }
    }

    private void freeDoomed() {
        for (int i = 0; i < numDoomed; i++) {
            Node n = doomed[i];
            doomed[i] = null;
            if (nodes.get(n.id) == n) {
                free(n, null);
            }
        }
        numDoomed = 0;
    }
}
