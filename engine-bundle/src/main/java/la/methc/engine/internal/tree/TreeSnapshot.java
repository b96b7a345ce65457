package la.methc.engine.internal.tree;

import java.util.Queue;

/**
 * The nodes below a group, depth first, as RT saw them in one block: for {@code /group/queryTree} and the shell's
 * tree. One of a pool of {@link #POOL} a {@link NodeTree} makes with room for all its nodes (at most
 * {@link #MAX_NODES}); RT takes one, fills it by {@link #take} without allocating, and the thread that builds the
 * reply (the notifier), which RT's event hand-over orders after the fill, reads it and {@linkplain #release gives
 * it back}. A tree with more nodes below the group than there is room for is counted, not stored: the reply says so.
 */
public final class TreeSnapshot {

    /** The most nodes one snapshot stores: more could not be sent in one 1 MiB packet anyway (15 bytes a group). */
    public static final int MAX_NODES = 1 << 16;
    /**
     * How many tree queries may be answered at once (RT filled them, the notifier has not built their replies):
     * enough for a notifier some way behind; 12 bytes a node each, 12 MiB at most (maxNodes of 65,536 or more).
     */
    public static final int POOL = 16;

    private final int[] ids;
    private final int[] numChildren;
    /** A synth's SynthDef URI (a String the entry holds: nothing is copied); null for a group, "parallel" for one. */
    private final String[] uris;
    private int groupId;
    private int groupChildren;
    private int count;
    private int total;
    private final Queue<TreeSnapshot> home;

    /** NRT. Room for {@code capacity} nodes (capped at {@link #MAX_NODES}), given back to {@code home}. */
    TreeSnapshot(int capacity, Queue<TreeSnapshot> home) {
        this.home = home;
        int n = Math.max(1, Math.min(capacity, MAX_NODES));
        ids = new int[n];
        numChildren = new int[n];
        uris = new String[n];
    }

    /** RT. Records every node below {@code group}, depth first, each group's children head to tail. */
    public void take(Group group) {
        groupId = group.id;
        groupChildren = children(group);
        count = 0;
        total = 0;
        for (Node n = NodeTree.next(group, group); n != null; n = NodeTree.next(n, group)) {
            if (count < ids.length) {
                ids[count] = n.id;
                if (n instanceof Group g) {
                    numChildren[count] = children(g);
                    uris[count] = g.kind();
                } else {
                    numChildren[count] = -1;
                    uris[count] = ((SynthNode) n).entry().uri();
                }
                count++;
            }
            total++;
        }
    }

    private static int children(Group g) {
        int c = 0;
        for (Node n = g.head; n != null; n = n.next) {
            c++;
        }
        return c;
    }

    /** The group queried. */
    public int groupId() {
        return groupId;
    }

    /** How many children the group queried has. */
    public int groupChildren() {
        return groupChildren;
    }

    /** How many nodes were stored. */
    public int count() {
        return count;
    }

    /** How many nodes there were below the group: more than {@link #count()} when they did not fit. */
    public int total() {
        return total;
    }

    /**
     * The notifier once the reply is built, or RT when it could not hand the snapshot over: back to the pool. The
     * URIs are let go so that a departed SynthDef's entry is not kept alive.
     */
    public void release() {
        java.util.Arrays.fill(uris, 0, count, null);
        home.offer(this);
    }

    public int id(int i) {
        return ids[i];
    }

    /** The children of node {@code i}, -1 for a synth. */
    public int numChildren(int i) {
        return numChildren[i];
    }

    /**
     * The SynthDef URI of node {@code i}, null for a group, "parallel" for a parallel group (no "" here: RT runs this
     * class, see NodeText).
     */
    public String uri(int i) {
        return uris[i];
    }
}
