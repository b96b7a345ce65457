package la.methc.engine.internal.resource;

import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.OscArgs;
import la.methc.api.World;
import la.methc.api.WorldCommand;

/**
 * The construct work of one slot, preallocated with it: RT fills it and posts it to a worker (as a
 * {@link HostCommand}); the worker runs {@code ResourceDef.construct} and posts it back (as a
 * {@link WorldCommand}) with the body or the reason it failed. The slot stays CONSTRUCTING meanwhile, so one
 * job per slot is enough. No String constants here: see {@link JobFailures}.
 */
final class ConstructJob implements HostCommand, WorldCommand {

    private final SlotPool pool;
    private final ResourceSlot slot;
    /** Set on RT before posting. */
    ResourceDefEntry def;
    OscArgs args;
    /** Set on the worker, read on RT when the job comes back. */
    private Object body;
    private String reason;

    ConstructJob(SlotPool pool, ResourceSlot slot) {
        this.pool = pool;
        this.slot = slot;
    }

    /** Worker thread. */
    @Override
    public void perform(Host host) {
        try {
            body = def.def().construct(host, args);
            reason = body == null ? JobFailures.constructedNothing(def) : null;
        } catch (IllegalArgumentException e) {
            body = null;
            reason = JobFailures.constructRefused(def, e);
        } catch (Throwable e) {
            // even an OutOfMemoryError must bring the slot back to FREE, not strand it
            body = null;
            reason = JobFailures.constructThrew(slot.id, def, e);
        }
        args = null;
        WorkerReply.post(pool, this, slot.id);
    }

    /** RT. */
    @Override
    public void perform(World world) {
        Object b = body;
        String r = reason;
        body = null;
        reason = null;
        def = null;
        pool.constructed(slot, b, r);
    }
}
