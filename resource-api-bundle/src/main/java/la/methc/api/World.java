package la.methc.api;

import org.osgi.annotation.versioning.ProviderType;

/** The engine as seen from the RT thread. Every method is RT-safe: no allocation, no lock. */
@ProviderType
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

    /**
     * RT. The body of Resource {@code id} if it is live, not being freed and of kind {@code expectedUri};
     * its refcount goes up by one and stays up until {@link #release}. Null otherwise ({@link #status} says
     * why). Every hold has a holder the engine records: the synth whose attach, remap or process calls it (its
     * table has room for one Resource per resource port and four more), else the engine itself (a
     * {@link WorldCommand}); so it can free the synth when the Resource's bundle leaves, and release what the synth
     * forgot in detach.
     */
    Object acquire(int id, String expectedUri);

    /** RT. Why {@code acquire(id, expectedUri)} would fail now, or {@link ResourceStatus#OK}. */
    ResourceStatus status(int id, String expectedUri);

    /**
     * RT. Drops one reference taken with {@link #acquire} by the same holder; the last one of a freed Resource
     * destroys it. A release of an id the holder does not hold is refused (logged) and changes nothing.
     */
    void release(int id);

    /**
     * RT. Acquires every listed Resource, runs {@code perform} on a worker with their bodies, then releases
     * them all on RT. Checked before anything is acquired: each id must be live and not being freed; with
     * {@code exclusive} (an in-place write) nobody else may hold any of them, none may be
     * {@link Mutability#IMMUTABLE}, and until the callback returns nothing else acquires them; no id may be named
     * twice; {@code writes[i]} marks a Resource the callback writes (null: none), which
     * an Immutable one refuses. {@code ids} is copied, so the caller may reuse it.
     *
     * @return {@link ResourceStatus#OK}, or why nothing was dispatched
     */
    ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive, ResourcePerform perform);
}
