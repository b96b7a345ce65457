package la.methc.engine.internal.driver;

/**
 * The {@code dummy} driver: no sound card; the RT thread computes one block per block period of the
 * {@link System#nanoTime()} clock, with silent inputs, and drops the outputs.
 *
 * <p>Block {@code k} is due at {@code start + k · blockSize / sampleRate} seconds, kept exactly by a
 * {@link BlockPacer}, so there is no drift. Between blocks the thread parks until the next deadline. When it
 * has fallen more than {@value #MAX_LAG_BLOCKS} blocks behind (a long GC pause, a suspended machine) it does
 * not burst to catch up: it counts the missed blocks as {@linkplain #lateBlocks() late}, restarts the schedule
 * from now and tells the engine ({@link AudioCallback#skipped}), which maps time tags that much later, so they keep
 * meaning wall-clock time.
 *
 * <p>The loop allocates nothing, takes no lock and does not log.
 */
public final class DummyDriver extends RtThreadDriver {

    public static final String NAME = "dummy";

    /** How many block periods behind the schedule may be before it is reset. */
    public static final int MAX_LAG_BLOCKS = 4;

    private final float[][] inputs;
    private final float[][] outputs;
    private final BlockPacer pacer;

    private volatile long blocks;
    private volatile long lateBlocks;

    public DummyDriver(DriverOptions options) {
        super(NAME, options);
        inputs = new float[options.numInputs()][options.blockSize()];
        outputs = new float[options.numOutputs()][options.blockSize()];
        pacer = new BlockPacer(options.sampleRate(), options.blockSize(), MAX_LAG_BLOCKS);
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
        final BlockPacer clock = pacer;
        long count = 0;
        long late = 0;
        clock.start();
        while (running) {
            callback.process(in, out);
            blocks = ++count;
            long skipped = clock.awaitNext(this, callback);
            if (skipped > 0) {
                // resynchronised: the missed blocks are skipped instead of computed in a burst
                late += skipped;
                lateBlocks = late;
                callback.skipped(skipped);
            }
        }
    }
}
