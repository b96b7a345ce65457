package la.methc.engine.internal.osc;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * The framed packets waiting to go out on one TCP connection, so that a client that stops reading fills its own
 * queue instead of blocking the threads that answer it (the notifier, network threads). Past {@code maxBytes} it
 * refuses more only for a peer that stopped reading (nothing written for {@code stallNanos}) or past
 * {@code hardMaxBytes}: a client that reads is never dropped for the size of its replies; its reader waits
 * instead ({@link #awaitAtMost}, ADR 0012). A frame counts from {@link #offer} until its writer reports it
 * {@link #written}. NRT, thread-safe.
 */
final class SendQueue {

    private final long maxBytes;
    private final long hardMaxBytes;
    private final long stallNanos;
    private final LongSupplier clock;
    /** When the writer last finished a frame, or the queue last went from empty to not empty. */
    private long lastProgress;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    /** Queued or being written. */
    private long bytes;
    private boolean closed;

    /**
     * {@code maxBytes}: the most bytes waiting for a peer that does not read (a single larger frame still goes
     * when nothing else waits); {@code hardMaxBytes}: the most for any peer; {@code stallNanos}: how long without
     * progress makes a peer one that does not read; {@code clock}: nanoseconds.
     */
    SendQueue(long maxBytes, long hardMaxBytes, long stallNanos, LongSupplier clock) {
        if (maxBytes < 1 || hardMaxBytes < maxBytes) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + ", hardMaxBytes " + hardMaxBytes);
        }
        this.maxBytes = maxBytes;
        this.hardMaxBytes = hardMaxBytes;
        this.stallNanos = stallNanos;
        this.clock = clock;
    }

    /**
     * Any thread. Queues {@code frame}; false when closed, or when it would take the queue over {@code maxBytes}
     * while the writer made no progress for {@code stallNanos}, or over {@code hardMaxBytes}.
     */
    synchronized boolean offer(byte[] frame) {
        if (closed) {
            return false;
        }
        long after = bytes + frame.length;
        if (bytes > 0 && after > maxBytes
                && (after > hardMaxBytes || clock.getAsLong() - lastProgress > stallNanos)) {
            return false;
        }
        if (bytes == 0) {
            lastProgress = clock.getAsLong();
        }
        frames.add(frame);
        bytes = after;
        notifyAll();
        return true;
    }

    /** The reader, before it takes the next request: waits while more than {@code limit} bytes wait (or closed). */
    synchronized void awaitAtMost(long limit) throws InterruptedException {
        while (bytes > limit && !closed) {
            wait();
        }
    }

    /** The writer. The oldest frame, waiting for one; null once closed. */
    synchronized byte[] take() throws InterruptedException {
        while (frames.isEmpty() && !closed) {
            wait();
        }
        return closed ? null : frames.poll();
    }

    /** The writer. A frame {@link #take() taken} is on the wire: its bytes no longer count. */
    synchronized void written(byte[] frame) {
        bytes -= frame.length;
        lastProgress = clock.getAsLong();
        notifyAll(); // awaitWritten and awaitAtMost
    }

    /** Waits up to {@code millis} until every frame offered so far is written; true if they are. */
    synchronized boolean awaitWritten(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (bytes > 0 && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return bytes == 0;
    }

    /** Bytes waiting or being written. */
    synchronized long bytes() {
        return bytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Drops what waits and wakes the writer (its {@link #take} returns null). Idempotent. */
    synchronized void close() {
        closed = true;
        frames.clear();
        notifyAll();
    }
}
