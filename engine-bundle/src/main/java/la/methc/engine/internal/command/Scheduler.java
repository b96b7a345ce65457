package la.methc.engine.internal.command;

/**
 * Commands waiting for their block: a binary min-heap on (time, arrival order) over a fixed array, so
 * scheduling never allocates. RT only.
 */
public final class Scheduler {

    private final Command[] heap;
    private int size;
    private long arrivals;

    public Scheduler(int capacity) {
        heap = new Command[capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return heap.length;
    }

    /** RT. False when full. */
    public boolean add(Command c) {
        if (size == heap.length) {
            return false;
        }
        c.sequence = arrivals++;
        int i = size++;
        heap[i] = c;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(heap[i], heap[parent])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
        return true;
    }

    /** RT. Removes and returns the earliest command due before {@code endFrame}, or null. */
    public Command pollDue(long endFrame) {
        if (size == 0 || heap[0].time >= endFrame) {
            return null;
        }
        return removeFirst();
    }

    /** RT. Removes and returns the earliest command whatever its time (shutdown), or null when empty. */
    public Command poll() {
        return size == 0 ? null : removeFirst();
    }

    private Command removeFirst() {
        Command first = heap[0];
        heap[0] = heap[--size];
        heap[size] = null;
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && before(heap[l], heap[m])) {
                m = l;
            }
            if (r < size && before(heap[r], heap[m])) {
                m = r;
            }
            if (m == i) {
                break;
            }
            swap(i, m);
            i = m;
        }
        return first;
    }

    private static boolean before(Command a, Command b) {
        return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
    }

    private void swap(int i, int j) {
        Command t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
