package la.methc.audiobuffer.internal;

import la.methc.api.Host;
import la.methc.api.WorldCommand;

/** A Host with a sample rate and nothing behind it (any sample rate, even a bad one, to test the def). */
record FakeHost(double sampleRate, int blockSize) implements Host {

    FakeHost(double sampleRate) {
        this(sampleRate, 64);
    }

    /** No RT thread in these tests: refuses. */
    @Override
    public boolean performCommand(WorldCommand command) {
        return false;
    }

    /** No sample root in these tests. */
    @Override
    public java.nio.file.Path samplePath(String path) {
        throw new IllegalArgumentException("FakeHost has no sample root");
    }
}
