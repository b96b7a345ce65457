package la.methc.engine.internal.agent;

import java.util.concurrent.locks.LockSupport;

/**
 * How a polling NRT thread waits when it found nothing to do (Agrona's {@code IdleStrategy}). RT never wakes anybody
 * (unpark may lock), so consumers of RT's queues poll. One instance per thread.
 */
public interface IdleStrategy {

    /** After a round that did {@code workCount} units of work: waits a little if it did none. */
    void idle(int workCount);

    /**
     * Spins briefly, then yields, then parks for growing intervals up to 200 µs: the added reply latency stays well
     * under a block, an idle thread costs little.
     */
    static IdleStrategy backoff() {
        return new IdleStrategy() {
            private int count;

            @Override
            public void idle(int workCount) {
                if (workCount > 0) {
                    count = 0;
                    return;
                }
                if (count < 50) {
                    Thread.onSpinWait();
                } else if (count < 60) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(count < 200 ? 20_000 : 200_000);
                }
                count++;
            }
        };
    }

    /** Parks up to {@code maxNanos} whenever there was nothing to do: for threads whose producer unparks them. */
    static IdleStrategy parking(long maxNanos) {
        return workCount -> {
            if (workCount == 0) {
                LockSupport.parkNanos(maxNanos);
            }
        };
    }
}
