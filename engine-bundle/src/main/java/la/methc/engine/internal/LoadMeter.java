package la.methc.engine.internal;

/**
 * RT load: time spent computing a block over the block's duration. Average is an exponential moving
 * average over about a second; peak is the maximum since the last {@code /status}. RT only.
 */
final class LoadMeter {

    private final double blockNanos;
    private final double smoothing;
    private double average;
    private double peak;
    private long overruns;

    LoadMeter(int sampleRate, int blockSize) {
        blockNanos = 1e9 * blockSize / sampleRate;
        smoothing = Math.min(1.0, (double) blockSize / sampleRate);
    }

    /** RT. */
    void record(long nanos) {
        double load = nanos / blockNanos;
        average += (load - average) * smoothing;
        if (load > peak) {
            peak = load;
        }
        if (load > 1.0) {
            overruns++;
        }
    }

    float average() {
        return (float) average;
    }

    /** RT. The peak since the previous call. */
    float takePeak() {
        float p = (float) peak;
        peak = 0;
        return p;
    }

    /** RT. The driver skipped {@code blocks} blocks: they count as late too. */
    void skipped(long blocks) {
        overruns += blocks;
    }

    /** Blocks that took longer to compute than they last, and the blocks skipped. */
    long overruns() {
        return overruns;
    }
}
