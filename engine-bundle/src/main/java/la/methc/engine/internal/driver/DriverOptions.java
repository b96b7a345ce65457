package la.methc.engine.internal.driver;

/** The audio format a driver runs at. */
public record DriverOptions(int sampleRate, int blockSize, int numInputs, int numOutputs) {

    public DriverOptions {
        if (sampleRate <= 0 || blockSize <= 0 || numInputs < 0 || numOutputs < 0) {
            throw new IllegalArgumentException("bad driver options " + sampleRate + "/" + blockSize + "/"
                    + numInputs + "/" + numOutputs);
        }
    }
}
