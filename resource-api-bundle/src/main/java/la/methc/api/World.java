package la.methc.api;

/** The engine as seen from the RT thread. Every method is RT-safe: no allocation, no lock. */
public interface World {

    double sampleRate();

    int blockSize();

    /** Engine time at the start of the current block, in seconds. */
    double currentTime();

    /**
     * RT. Tells the engine that {@code synth} has finished; the engine applies the node's done flags
     * (free self, notify, ...) after the current block.
     */
    void synthDone(Synth synth);

    /**
     * RT. Runs {@code command} on a worker thread. To stay allocation-free, pass a command object
     * created beforehand, not a capturing lambda.
     *
     * @return false when the worker queue is full and the command was not queued
     */
    boolean performCommand(HostCommand command);
}
