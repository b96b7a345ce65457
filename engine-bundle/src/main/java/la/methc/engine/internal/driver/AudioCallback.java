package la.methc.engine.internal.driver;

/** The engine's block function, called by a driver once per block. */
public interface AudioCallback {

    /**
     * RT (the driver's audio thread). Fills {@code outputs[channel][frame]} for one block of
     * {@code blockSize} frames from {@code inputs[channel][frame]}. Arrays are preallocated by the driver
     * and reused every block.
     */
    void process(float[][] inputs, float[][] outputs);

    /**
     * RT thread, between two blocks, offline only: one non-blocking step towards having no asynchronous work
     * outstanding (worker jobs, their replies to RT). True when there is none; the offline driver calls it
     * again, waiting briefly in between, until it is. Real-time drivers never call it. Default: nothing is
     * ever outstanding.
     */
    default boolean settle() {
        return true;
    }

    /**
     * RT thread, between two blocks of a clock-paced driver, while it waits for the next block's time: runs what
     * came in meanwhile (requests, worker &rarr; RT replies), which acts on the next block as it would at its start,
     * so that replies go out now rather than after the next block's start. True when the driver may sleep until the
     * next block; false, and it calls again a little later. Never blocks, allocates nothing. Default: true.
     */
    default boolean between() {
        return true;
    }

    /**
     * RT. The driver fell so far behind its clock that it skipped {@code blocks} blocks instead of computing them
     * in a burst: the engine maps time tags that much later, so that they keep meaning wall-clock time. Default:
     * nothing.
     */
    default void skipped(long blocks) {
    }
}
