package la.methc.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out ids from a range in turn, wrapping round at its end, as SuperCollider's clients do (node ids from
 * 1000 up). It does not know which ids are still in use: a client that keeps more nodes or Resources than the
 * range holds must free them first. Thread-safe.
 */
public final class IdAllocator {

    private final int first;
    private final long size;
    private final AtomicLong next = new AtomicLong();

    /** Ids from {@code first} to {@code last}, both included. */
    public IdAllocator(int first, int last) {
        if (first > last) {
            throw new IllegalArgumentException("empty id range " + first + ".." + last);
        }
        this.first = first;
        this.size = (long) last - first + 1;
    }

    /** The next id. */
    public int next() {
        return (int) (first + Math.floorMod(next.getAndIncrement(), size));
    }
}
