package la.methc.engine.internal;

import la.methc.api.WorldCommand;
import la.methc.engine.internal.command.RtContext;

/**
 * A {@link WorldCommand} a worker posted to RT, with the origin of the job that posted it (see {@link JobLedger}):
 * the result of one of the engine's own jobs, or a plugin's. Built on the worker, performed on RT.
 */
final class WorldReply extends PostedReply {

    /** Events a plugin's WorldCommand may take; what it takes beyond comes out of the margin. */
    static final int PLUGIN_EVENTS = 16;

    private final WorldCommand command;
    /** The origin of the worker job that posted it, or {@code WorkerPool.NO_ORIGIN}. */
    final long origin;

    WorldReply(WorldCommand command, long origin) {
        super(EngineText.worldPerform(), null);
        this.command = command;
        this.origin = origin;
    }

    /** Plugin commands: at most their share. The engine's own results run unasked: theirs are in the reserve. */
    @Override
    public int events() {
        return PLUGIN_EVENTS;
    }

    /** RT. A plugin's command must not throw; if it does, it must not take the RT loop down. */
    @Override
    public void perform(RtContext rt, int offset) {
        try {
            command.perform(rt.world());
        } catch (Throwable t) {
            rt.warn(EngineText.commandThrew(command), t);
        }
    }
}
