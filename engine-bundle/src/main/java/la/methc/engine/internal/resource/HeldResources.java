package la.methc.engine.internal.resource;

/**
 * The holds one holder has (a synth, or the engine for acquires outside any synth), by Resource id and the
 * generation of the slot's life they were taken in, with multiplicity: a table preallocated with the holder,
 * updated on RT by acquire and release (ADR 0012). A hold of an earlier life of a slot (the Resource was
 * force-destroyed under it) is <em>stale</em>: its release changes nothing but this table. The engine reads the
 * table to find the holders of a slot and to release what a synth forgot in detach. RT only.
 */
public final class HeldResources {

    private final int[] ids;
    private final int[] generations;
    private final int[] counts;
    private int size;

    public HeldResources(int capacity) {
        ids = new int[capacity];
        generations = new int[capacity];
        counts = new int[capacity];
    }

    /** RT. Whether a hold of a new (id, generation) would find no room. */
    boolean isFullFor(int id, int generation) {
        return size == ids.length && indexOf(id, generation) < 0;
    }

    /** RT. One more hold of {@code id} in its life {@code generation}; false when the table has no room. */
    boolean add(int id, int generation) {
        int i = indexOf(id, generation);
        if (i >= 0) {
            counts[i]++;
            return true;
        }
        if (size == ids.length) {
            return false;
        }
        ids[size] = id;
        generations[size] = generation;
        counts[size++] = 1;
        return true;
    }

    /**
     * RT. One hold of {@code id} less, a stale one (generation other than {@code current}) first: a late release
     * from an earlier life must not take a hold of this one.
     *
     * @return the generation of the hold removed, or -1 when the holder holds no {@code id}
     */
    int remove(int id, int current) {
        int found = -1;
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                found = i;
                if (generations[i] != current) {
                    break;
                }
            }
        }
        if (found < 0) {
            return -1;
        }
        int generation = generations[found];
        if (--counts[found] == 0) {
            size--;
            ids[found] = ids[size];
            generations[found] = generations[size];
            counts[found] = counts[size];
        }
        return generation;
    }

    private int indexOf(int id, int generation) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id && generations[i] == generation) {
                return i;
            }
        }
        return -1;
    }

    /** Entries: distinct (id, generation) pairs held. */
    public int size() {
        return size;
    }

    public int id(int index) {
        return ids[index];
    }

    int generation(int index) {
        return generations[index];
    }

    public int count(int index) {
        return counts[index];
    }

    /** Holds of {@code id} (0 when none), stale ones included. */
    public int holds(int id) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                n += counts[i];
            }
        }
        return n;
    }

    /** RT. Forgets every hold that is stale in {@code pool}; how many entries went. */
    int dropStale(SlotPool pool) {
        int dropped = 0;
        for (int i = size - 1; i >= 0; i--) {
            if (!pool.isCurrent(ids[i], generations[i])) {
                size--;
                ids[i] = ids[size];
                generations[i] = generations[size];
                counts[i] = counts[size];
                dropped++;
            }
        }
        return dropped;
    }

    /** RT. Forgets everything. */
    public void clear() {
        size = 0;
    }
}
