package la.methc.engine.internal.tree;

/**
 * The nodes by id: an open-addressing map from any {@code int} id to its {@link Node}, preallocated for a fixed
 * number of nodes. Linear probing over a power-of-two table at least twice that size (so a probe meets an empty
 * slot soon), deletion by backward shift (no tombstones, so look-ups stay short however many nodes come and go).
 * No boxing, no allocation after construction. RT only.
 */
final class NodeMap {

    private final int[] ids;
    private final Node[] nodes;
    private final int mask;
    private final int capacity;
    private int size;

    /** Room for {@code capacity} nodes. */
    NodeMap(int capacity) {
        if (capacity < 1 || capacity > 1 << 29) {
            throw new IllegalArgumentException(NodeText.capacityOutOfRange(capacity, 1 << 29));
        }
        int slots = Integer.highestOneBit(capacity * 2 - 1) << 1; // a power of two >= 2 * capacity
        ids = new int[slots];
        nodes = new Node[slots];
        mask = slots - 1;
        this.capacity = capacity;
    }

    /** How many nodes it may hold. */
    int capacity() {
        return capacity;
    }

    int size() {
        return size;
    }

    /** The table's length (for tests: a power of two, at least twice the capacity). */
    int slots() {
        return nodes.length;
    }

    /** The node with this id, or null. */
    Node get(int id) {
        for (int i = slot(id);; i = (i + 1) & mask) {
            Node n = nodes[i];
            if (n == null) {
                return null;
            }
            if (ids[i] == id) {
                return n;
            }
        }
    }

    /** Adds {@code node} under its id; the caller checked that the id is free and there is room. */
    void put(Node node) {
        int i = slot(node.id);
        while (nodes[i] != null) {
            i = (i + 1) & mask;
        }
        ids[i] = node.id;
        nodes[i] = node;
        size++;
    }

    /** Removes the node with this id, if any; returns it. */
    Node remove(int id) {
        int i = slot(id);
        while (true) {
            Node n = nodes[i];
            if (n == null) {
                return null;
            }
            if (ids[i] == id) {
                shiftBack(i);
                size--;
                return n;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Empties slot {@code gap}, moving later entries of its cluster back into it when their home slot allows, so
     * every entry stays reachable from its home slot without a tombstone.
     */
    private void shiftBack(int gap) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            Node n = nodes[i];
            if (n == null) {
                break;
            }
            int home = slot(ids[i]);
            // the entry at i may move to gap unless its home lies cyclically in (gap, i]
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                ids[gap] = ids[i];
                nodes[gap] = n;
                gap = i;
            }
        }
        nodes[gap] = null;
    }

    /** The home slot of {@code id}: a multiplicative hash, so consecutive ids spread over the table. */
    private int slot(int id) {
        int h = id * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
