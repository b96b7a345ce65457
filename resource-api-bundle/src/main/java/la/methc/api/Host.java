package la.methc.api;

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
}
