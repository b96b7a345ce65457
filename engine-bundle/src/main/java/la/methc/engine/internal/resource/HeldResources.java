package la.methc.engine.internal.resource;

/**
 * The Resource ids one synth holds, with multiplicity: a small table preallocated with the synth, updated
 * on RT by acquire and release while the synth's attach, remap or detach runs. The engine reads it to find
 * the holders of a slot (a ResourceDef's bundle is leaving) and to release what a synth forgot in detach.
 * RT only.
 */
public final class HeldResources {

    private final int[] ids;
    private final int[] counts;
    private int size;

    public HeldResources(int capacity) {
        ids = new int[capacity];
        counts = new int[capacity];
    }

    /** RT. One more hold of {@code id}; false when the table is full (the hold is then not tracked). */
    public boolean add(int id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                counts[i]++;
                return true;
            }
        }
        if (size == ids.length) {
            return false;
        }
        ids[size] = id;
        counts[size++] = 1;
        return true;
    }

    /** RT. One hold of {@code id} less; false when it was not tracked. */
    public boolean remove(int id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                if (--counts[i] == 0) {
                    size--;
                    ids[i] = ids[size];
                    counts[i] = counts[size];
                }
                return true;
            }
        }
        return false;
    }

    /** Distinct ids held. */
    public int size() {
        return size;
    }

    public int id(int index) {
        return ids[index];
    }

    public int count(int index) {
        return counts[index];
    }

    /** Holds of {@code id} (0 when none). */
    public int holds(int id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return counts[i];
            }
        }
        return 0;
    }

    /** RT. Forgets everything. */
    public void clear() {
        size = 0;
    }
}
