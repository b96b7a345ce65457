package la.methc.engine.internal.notify;

import java.util.concurrent.locks.LockSupport;

/**
 * Idle strategy of NRT threads that poll lock-free queues. RT never wakes anybody (unpark may lock), so
 * consumers poll: spin briefly, then park for growing intervals up to 200 µs, which bounds the added reply
 * latency well under one block.
 */
final class Backoff {

    private Backoff() {
    }

    /** Waits a little and returns the next idle count. */
    static int idle(int count) {
        if (count < 50) {
            Thread.onSpinWait();
        } else if (count < 60) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(count < 200 ? 20_000 : 200_000);
        }
        return count + 1;
    }
}
