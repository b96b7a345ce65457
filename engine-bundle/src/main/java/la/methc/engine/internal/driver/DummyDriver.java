package la.methc.engine.internal.driver;

import java.util.concurrent.locks.LockSupport;

/**
 * The {@code dummy} driver: no sound card; the RT thread computes one block per block period of the
 * {@link System#nanoTime()} clock, with silent inputs, and drops the outputs.
 *
 * <p>Block {@code k} is due at {@code start + k · blockSize / sampleRate} seconds, kept exactly (whole
 * nanoseconds plus a remainder in units of {@code 1/sampleRate} ns), so there is no drift. Between blocks the
 * thread parks until the next deadline. When it has fallen more than {@value #MAX_LAG_BLOCKS} blocks behind
 * (a long GC pause, a suspended machine) it does not burst to catch up: it counts the missed blocks as
 * {@linkplain #lateBlocks() late} and restarts the schedule from now.
 *
 * <p>The loop allocates nothing, takes no lock and does not log.
 */
public final class DummyDriver extends RtThreadDriver {

    public static final String NAME = "dummy";

    /** How many block periods behind the schedule may be before it is reset. */
    public static final int MAX_LAG_BLOCKS = 4;

    private final float[][] inputs;
    private final float[][] outputs;
    /** The block period: {@code periodNanos + periodRemainder / sampleRate} ns. */
    private final long periodNanos;
    private final long periodRemainder;

    private volatile long blocks;
    private volatile long lateBlocks;

    public DummyDriver(DriverOptions options) {
        super(NAME, options);
        inputs = new float[options.numInputs()][options.blockSize()];
        outputs = new float[options.numOutputs()][options.blockSize()];
        long numerator = options.blockSize() * 1_000_000_000L;
        periodNanos = numerator / options.sampleRate();
        periodRemainder = numerator % options.sampleRate();
    }

    /** Blocks computed so far (any thread). */
    public long blocks() {
        return blocks;
    }

    /** Blocks skipped because the RT thread fell more than {@value #MAX_LAG_BLOCKS} blocks behind (any thread). */
    public long lateBlocks() {
        return lateBlocks;
    }

    @Override
    void loop(AudioCallback callback) {
        final float[][] in = inputs;
        final float[][] out = outputs;
        final long period = periodNanos;
        final long remainderStep = periodRemainder;
        final long sampleRate = options.sampleRate();
        final long maxLag = MAX_LAG_BLOCKS * period;
        long count = 0;
        long late = 0;
        long remainder = 0;
        long next = System.nanoTime();
        while (running) {
            callback.process(in, out);
            blocks = ++count;
            next += period;
            remainder += remainderStep;
            if (remainder >= sampleRate) {
                remainder -= sampleRate;
                next++;
            }
            long lag = System.nanoTime() - next;
            if (lag > maxLag) {
                // resynchronise: skip the missed blocks instead of computing them in a burst
                late += lag / period;
                lateBlocks = late;
                next += lag;
                remainder = 0;
                continue;
            }
            for (long wait = next - System.nanoTime(); wait > 0 && running; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }
}
