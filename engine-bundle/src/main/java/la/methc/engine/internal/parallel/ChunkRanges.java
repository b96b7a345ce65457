package la.methc.engine.internal.parallel;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per part of a run, the chunks nobody has taken: a range {@code [front, back)} packed in one long
 * ({@code front << 32 | back}), each on a cache line of its own so that threads don't share one. The part's own
 * thread takes chunks from the front, other threads from the back: what a thread computed stays in few stretches,
 * which it mixes as it goes. RT sets the ranges between runs; any render or DSP thread takes. Lock-free.
 */
final class ChunkRanges {

    /** Longs between two parts' ranges: 64 bytes, a cache line. */
    private static final int STRIDE = 8;

    private final AtomicLongArray ranges;

    ChunkRanges(int parts) {
        ranges = new AtomicLongArray(parts * STRIDE);
    }

    /** RT, between runs: part {@code p} holds chunks {@code front} (included) to {@code back} (excluded). */
    void set(int p, long front, long back) {
        ranges.set(p * STRIDE, front << 32 | back);
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
            long v = ranges.get(p * STRIDE);
            int front = (int) (v >>> 32);
            int back = (int) v;
            if (front >= back) {
                return -1;
            }
            if (ranges.compareAndSet(p * STRIDE, v, fromFront ? v + (1L << 32) : v - 1)) {
                return fromFront ? front : back - 1;
            }
        }
    }
}
