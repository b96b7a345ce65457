package la.methc.audiobuffer.internal;

import java.nio.file.Path;
import la.methc.api.Host;
import la.methc.api.WorldCommand;

/**
 * A Host with a sample rate and nothing behind it (any sample rate, even a bad one, to test the def), and, where a
 * test gives one, a sample root that refuses paths outside it as the engine does.
 */
record FakeHost(double sampleRate, int blockSize, Path root) implements Host {

    FakeHost(double sampleRate) {
        this(sampleRate, 64, null);
    }

    /** At 48 kHz with 64-frame blocks, files under {@code root}. */
    static FakeHost withSampleRoot(Path root) {
        return new FakeHost(48000, 64, root);
    }

    /** No RT thread in these tests: refuses. */
    @Override
    public boolean performCommand(WorldCommand command) {
        return false;
    }

    @Override
    public Path samplePath(String path) {
        if (root == null) {
            throw new IllegalArgumentException("FakeHost has no sample root");
        }
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path " + path + " is outside the sample root");
        }
        return p;
    }
}
