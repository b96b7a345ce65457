package la.methc.engine.internal.parallel;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The mixing frontier of a run (the synths mixed so far, in tree order) and the lock of whoever moves it, on a cache
 * line of their own: every thread polls the frontier while it waits to mix, so it must not share a line with what
 * the threads read for every chunk (the run's fields), and it is written only when a thread stops mixing.
 */
final class Frontier {

    /** 64 bytes of padding on either side of the two slots. */
    private static final int AT = 16;
    private static final int LOCK = AT + 1;
    private final AtomicIntegerArray slots = new AtomicIntegerArray(LOCK + 16);

    /** Any thread. Synths mixed so far. */
    int at() {
        return slots.get(AT);
    }

    /** RT, while no helper is inside a run. */
    void reset() {
        slots.set(AT, 0);
    }

    /** Whether the caller may move the frontier: one thread at a time mixes. */
    boolean lock() {
        return slots.compareAndSet(LOCK, 0, 1);
    }

    /** The holder of the lock: moves the frontier to {@code at} and lets go. */
    void unlock(int at) {
        slots.set(AT, at);
        slots.set(LOCK, 0);
    }
}
