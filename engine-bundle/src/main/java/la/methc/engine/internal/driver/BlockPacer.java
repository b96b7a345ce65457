package la.methc.engine.internal.driver;

import java.util.concurrent.locks.LockSupport;

/**
 * RT. Paces a block loop by the {@link System#nanoTime()} clock: block {@code k} is due at {@code start + k ·
 * blockSize / sampleRate} seconds, kept exactly (whole nanoseconds plus a remainder in units of {@code
 * 1/sampleRate} ns), so there is no drift. When the loop has fallen more than {@code maxLagBlocks} blocks
 * behind (a long GC pause, a suspended machine) it does not burst to catch up: the schedule restarts from now
 * and the missed blocks are reported. Allocates nothing, takes no lock.
 */
final class BlockPacer {

    /**
     * How long the RT thread parks between two looks at what came in (plus the kernel's timer slack, some 50 µs)
     * while the engine is busy: a request or a Resource's construct result is handled that much after it came, not
     * at the next block, a block being 1.33 ms at 48 kHz / 64 frames.
     */
    static final long BETWEEN_NANOS = 50_000;

    private final long periodNanos;
    private final long periodRemainder;
    private final long sampleRate;
    private final long maxLagNanos;
    private long next;
    private long remainder;

    BlockPacer(int sampleRate, int blockSize, int maxLagBlocks) {
        long numerator = blockSize * 1_000_000_000L;
        this.sampleRate = sampleRate;
        periodNanos = numerator / sampleRate;
        periodRemainder = numerator % sampleRate;
        maxLagNanos = maxLagBlocks * periodNanos;
    }

    /** The first block is due now. */
    void start() {
        next = System.nanoTime();
        remainder = 0;
    }

    /**
     * After a block: parks until the next block is due (or {@code driver} stops running) and returns 0; or,
     * when the loop is more than the maximum lag behind, restarts the schedule from now without parking and
     * returns the number of blocks skipped. While {@code callback} is busy it parks in slices of
     * {@link #BETWEEN_NANOS} and lets {@link AudioCallback#between} run what came in meanwhile.
     */
    long awaitNext(RtThreadDriver driver, AudioCallback callback) {
        next += periodNanos;
        remainder += periodRemainder;
        if (remainder >= sampleRate) {
            remainder -= sampleRate;
            next++;
        }
        long lag = System.nanoTime() - next;
        if (lag > maxLagNanos) {
            next += lag;
            remainder = 0;
            return lag / periodNanos;
        }
        boolean rest = callback.between();
        for (long wait = next - System.nanoTime(); wait > 0 && driver.running; wait = next - System.nanoTime()) {
            if (rest) {
                LockSupport.parkNanos(driver, wait);
            } else {
                LockSupport.parkNanos(driver, Math.min(wait, BETWEEN_NANOS));
                rest = callback.between();
            }
        }
        return 0;
    }
}
