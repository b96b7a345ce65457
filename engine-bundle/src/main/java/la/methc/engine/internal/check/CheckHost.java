package la.methc.engine.internal.check;

import java.nio.file.Path;
import la.methc.api.Host;
import la.methc.api.WorldCommand;
import la.methc.engine.internal.SampleRoot;

/**
 * The {@link Host} a checked SynthDef is constructed with and the check's AudioBuffer made by: the engine's rate and
 * block size and its sample root; no RT queue (the check's synths do not run on the engine's RT thread).
 */
public record CheckHost(double sampleRate, int blockSize, SampleRoot root) implements Host {

    /** Refused: the trial synths are not the engine's. */
    @Override
    public boolean performCommand(WorldCommand command) {
        return false;
    }

    @Override
    public Path samplePath(String path) {
        return root.resolve(path);
    }
}
