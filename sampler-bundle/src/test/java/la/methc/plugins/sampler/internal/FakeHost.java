package la.methc.plugins.sampler.internal;

import java.nio.file.Path;
import la.methc.api.Host;
import la.methc.api.WorldCommand;

/**
 * A {@link Host} for {@link la.methc.api.SynthDef#construct} and the commands: a sample rate and block size, no
 * RT queue, and a sample root (null: none) that confines paths lexically (the engine's own checks, symbolic
 * links included, are tested in the engine).
 */
record FakeHost(double sampleRate, int blockSize, Path root) implements Host {

    FakeHost(double sampleRate, int blockSize) {
        this(sampleRate, blockSize, null);
    }

    @Override
    public boolean performCommand(WorldCommand command) {
        return false;
    }

    @Override
    public Path samplePath(String path) {
        if (root == null) {
            throw new UnsupportedOperationException("no sample root");
        }
        Path r = root.toAbsolutePath().normalize();
        Path p = r.resolve(path).normalize();
        if (!p.startsWith(r)) {
            throw new IllegalArgumentException("path " + path + " is outside the sample root " + r);
        }
        return p;
    }
}
