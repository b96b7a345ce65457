package la.methc.engine.internal.driver;

import la.methc.engine.internal.sched.RealtimePriority;

/**
 * The audio format a driver runs at, and the {@code SCHED_FIFO} priority its RT thread asks for (0: none; see
 * {@link la.methc.engine.internal.sched.RealtimePriority}).
 */
public record DriverOptions(int sampleRate, int blockSize, int numInputs, int numOutputs, int rtPriority) {

    public DriverOptions {
        if (sampleRate <= 0 || blockSize <= 0 || numInputs < 0 || numOutputs < 0) {
            throw new IllegalArgumentException("bad driver options " + sampleRate + "/" + blockSize + "/"
                    + numInputs + "/" + numOutputs);
        }
        new RealtimePriority(rtPriority); // checks the range
    }

    /** At normal priority. */
    public DriverOptions(int sampleRate, int blockSize, int numInputs, int numOutputs) {
        this(sampleRate, blockSize, numInputs, numOutputs, 0);
    }
}
