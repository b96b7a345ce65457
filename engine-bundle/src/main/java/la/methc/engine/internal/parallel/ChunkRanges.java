package la.methc.engine.internal.parallel;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The chunks of a run dealt to its parts in stripes, and per part the chunks nobody has taken: a range
 * {@code [front, back)} of the part's own chunks, packed in one long ({@code front << 32 | back}), each on a cache
 * line of its own so that threads don't share one. The part's own thread takes chunks from the front, other threads
 * from the back: what a thread computed stays in few stretches. Stripes, not halves: the outputs are mixed in tree
 * order, so with halves the second thread's mixing waits for all of the first's; with stripes each thread mixes its
 * stripe while the others compute theirs. RT deals between runs; any render or DSP thread takes. Lock-free.
 */
final class ChunkRanges {

    /** Longs between two parts' ranges: 64 bytes, a cache line (the first one past the array's header). */
    private static final int STRIDE = 8;
    /**
     * Chunks in a stripe: 256 synths, tens of µs of work, so that handing the buses' lines from one core to another
     * at each stripe costs little beside it: at 4,000 voices on 2 threads a block took 17-20% less time than with
     * stripes of 8, at 1,000 about the same (JMH, docs/notes/2026-12-06-dropout-and-offline-probes.md).
     */
    static final int STRIPE = 32;

    private final int parts;
    private final AtomicLongArray ranges;
    /* The run dealt last, written by RT between runs: its chunks, and the chunks in a stripe (STRIPE, or fewer). */
    private int chunks;
    private int stripe = STRIPE;

    ChunkRanges(int parts) {
        this.parts = parts;
        ranges = new AtomicLongArray((parts + 1) * STRIDE);
    }

    /**
     * RT, between runs: {@code chunks} chunks, in stripes of {@link #STRIPE} (of fewer, at most one a part, when that
     * would leave a part without one) dealt to the parts in turn.
     */
    void deal(int chunks) {
        this.chunks = chunks;
        // a run shorter than a stripe a part is cut in stripes of its chunks over the parts, rounded up (so at most
        // one a part, and with 3 or more parts the last may get none): else one thread would hold all of it
        stripe = Math.max(1, Math.min(STRIPE, (chunks + parts - 1) / parts));
        int stripes = (chunks + stripe - 1) / stripe;
        for (int p = 0; p < parts; p++) {
            long own = p < stripes ? (long) (stripes - p + parts - 1) / parts * stripe : 0;
            if (stripes > 0 && (stripes - 1) % parts == p) {
                own -= (long) stripes * stripe - chunks; // the last stripe may be short
            }
            ranges.set(slot(p), own);
        }
    }

    /** Whether chunk {@code c} is the last of its stripe (or of the run). */
    boolean closesStripe(int c) {
        return (c + 1) % stripe == 0 || c == chunks - 1;
    }

    /** The first chunk of part {@code p} nobody has taken, now taken by the part's own thread; -1 when none. */
    int takeFront(int p) {
        return take(p, true);
    }

    /** The last chunk of part {@code p} nobody has taken, now taken by another thread; -1 when none. */
    int takeBack(int p) {
        return take(p, false);
    }

    private int take(int p, boolean fromFront) {
        while (true) {
            long v = ranges.get(slot(p));
            int front = (int) (v >>> 32);
            int back = (int) v;
            if (front >= back) {
                return -1;
            }
            if (ranges.compareAndSet(slot(p), v, fromFront ? v + (1L << 32) : v - 1)) {
                return chunk(p, fromFront ? front : back - 1);
            }
        }
    }

    /** The run's chunk that is part {@code p}'s {@code j}th. */
    private int chunk(int p, int j) {
        return ((j / stripe) * parts + p) * stripe + j % stripe;
    }

    private static int slot(int p) {
        return (p + 1) * STRIDE;
    }
}
