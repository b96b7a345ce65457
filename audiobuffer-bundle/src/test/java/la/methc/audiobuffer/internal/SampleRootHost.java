package la.methc.audiobuffer.internal;

import java.nio.file.Path;
import la.methc.api.Host;
import la.methc.api.WorldCommand;

/** A host at 48 kHz with 64-frame blocks whose sample root is a test's folder, refusing paths outside it as the engine does. */
record SampleRootHost(Path root) implements Host {

    @Override
    public double sampleRate() {
        return 48000;
    }

    @Override
    public int blockSize() {
        return 64;
    }

    @Override
    public boolean performCommand(WorldCommand command) {
        return false;
    }

    @Override
    public Path samplePath(String path) {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path " + path + " is outside the sample root");
        }
        return p;
    }
}
