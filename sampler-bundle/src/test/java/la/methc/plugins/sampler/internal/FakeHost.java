package la.methc.plugins.sampler.internal;

import la.methc.api.Host;
import la.methc.api.WorldCommand;

/** A {@link Host} for {@link la.methc.api.SynthDef#construct}: a sample rate and block size, no RT queue. */
record FakeHost(double sampleRate, int blockSize) implements Host {

    @Override
    public boolean performCommand(WorldCommand command) {
        return false;
    }
}
