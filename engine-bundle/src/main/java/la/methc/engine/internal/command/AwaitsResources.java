package la.methc.engine.internal.command;

/**
 * A command that waits in line while a Resource it names is still being made: a plugin command (a CommandDef)
 * sent right after the {@code /resource/new} of its buffer runs once the buffer is live, as scsynth's asynchronous
 * commands queue ({@link RtContext#await}). RT only.
 */
public interface AwaitsResources {

    /** The ids of the Resources it needs live (ids out of range included: the dispatch refuses them). */
    int[] awaited();

    /** The most RT events it may take when it runs or is refused ({@link Command#events}): held while it waits. */
    int events();

    /**
     * RT. Its turn: none of its Resources is being made any more (live, or not made: the dispatch answers
     * {@code /error} then). Runs as it would have on arrival.
     */
    void resume(RtContext rt);

    /** RT. It will never run (the line is full, or the engine is shutting down): answers {@code /error reason}. */
    void abandon(RtContext rt, String reason);
}
