package la.methc.plugins.testkit;

import la.methc.api.Host;
import la.methc.api.WorldCommand;

/**
 * A {@link Host} for {@link la.methc.api.SynthDef#construct}: a sample rate and block size, no RT queue.
 *
 * @param sampleRate the sample rate the synth is made for, in Hz
 * @param blockSize frames per block
 */
public record TestHost(double sampleRate, int blockSize) implements Host {

    /** Checks that both are positive. */
    public TestHost {
        if (!(sampleRate > 0) || blockSize <= 0) {
            throw new IllegalArgumentException("sampleRate and blockSize must be positive");
        }
    }

    /** Always refuses: plugin unit tests run without an RT thread to hand work to. */
    @Override
    public boolean performCommand(WorldCommand command) {
        return false;
    }

    /** Always refuses: a SynthDef's construct has no business with files. */
    @Override
    public java.nio.file.Path samplePath(String path) {
        throw new UnsupportedOperationException("TestHost has no sample root");
    }
}
