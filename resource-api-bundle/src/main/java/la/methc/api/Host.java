package la.methc.api;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** The engine as seen from non-real-time threads (network and worker threads). */
@ProviderType
public interface Host {

    double sampleRate();

    int blockSize();

    /**
     * NRT. Runs {@code command} on the RT thread at the start of a coming block.
     *
     * @return false when the queue to RT is full and the command was not queued
     */
    boolean performCommand(WorldCommand command);

    /**
     * NRT. Where a client's file path goes: {@code path} resolved against the engine's sample root (option
     * {@code sampleRoot}, {@code bin/methcla --sample-root DIR}; an absolute, normalised directory), with
     * symbolic links resolved where the file or its nearest existing parent exists. The file need not exist.
     * Plugin commands that read or write files take every client path through here.
     *
     * @throws IllegalArgumentException {@code "path … is outside the sample root …"} when the path escapes the
     *                                  root ({@code ..}, an absolute path elsewhere, a symbolic link pointing out
     *                                  of it), or when it is empty or malformed
     */
    Path samplePath(String path);
}
