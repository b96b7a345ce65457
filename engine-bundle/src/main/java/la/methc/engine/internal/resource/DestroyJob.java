package la.methc.engine.internal.resource;

import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.World;
import la.methc.api.WorldCommand;

/**
 * The destroy work of one slot, preallocated with it: RT posts it to a worker with the body, the worker runs
 * {@code ResourceDef.destroy} (contractually infallible: what it throws is logged) and posts it back, and RT
 * frees the slot. The slot stays DESTROYING meanwhile. No String constants here: see {@link JobFailures}.
 */
final class DestroyJob implements HostCommand, WorldCommand {

    private final SlotPool pool;
    private final ResourceSlot slot;
    /** Set on RT before posting; cleared by the worker. */
    ResourceDefEntry def;
    Object body;

    DestroyJob(SlotPool pool, ResourceSlot slot) {
        this.pool = pool;
        this.slot = slot;
    }

    /** Worker thread. */
    @Override
    public void perform(Host host) {
        try {
            def.def().destroy(host, body);
        } catch (Throwable e) {
            JobFailures.destroyThrew(slot.id, def, e);
        }
        body = null;
        def = null;
        WorkerReply.post(pool, this, slot.id);
    }

    /** RT. */
    @Override
    public void perform(World world) {
        pool.destroyed(slot);
    }
}
