package la.methc.engine.internal.osc;

import java.util.ArrayDeque;

/**
 * The framed packets waiting to go out on one TCP connection, bounded in bytes, so that a client that stops
 * reading fills its own queue instead of blocking the threads that answer it (the notifier, network threads).
 * A frame counts from {@link #offer} until its writer reports it {@link #written}. NRT, thread-safe.
 */
final class SendQueue {

    private final long maxBytes;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    /** Queued or being written. */
    private long bytes;
    private boolean closed;

    /** {@code maxBytes}: the most bytes waiting; a single larger frame still goes when nothing else waits. */
    SendQueue(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Any thread. Queues {@code frame}; false when closed, or when it would take the queue over its bound. */
    synchronized boolean offer(byte[] frame) {
        if (closed || (bytes > 0 && bytes + frame.length > maxBytes)) {
            return false;
        }
        frames.add(frame);
        bytes += frame.length;
        notifyAll();
        return true;
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
        if (bytes == 0) {
            notifyAll();
        }
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
