package la.methc.engine.internal.resource;

import java.util.Arrays;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.World;
import la.methc.api.WorldCommand;

/**
 * One {@code World.performWithResources} dispatch, from a preallocated pool: RT copies the ids and bodies in
 * and posts it; the worker runs the callback and posts it back; RT releases every Resource and recycles it.
 * No String constants here: see {@link JobFailures}.
 */
final class PerformJob implements HostCommand, WorldCommand {

    private final SlotPool pool;
    final int[] ids;
    final Object[] bodies;
    int count;
    ResourcePerform perform;

    PerformJob(SlotPool pool, int maxIds) {
        this.pool = pool;
        ids = new int[maxIds];
        bodies = new Object[maxIds];
    }

    /** Worker thread. The callback gets an array of exactly {@code count} bodies (allocated here, not on RT). */
    @Override
    public void perform(Host host) {
        Object[] b = Arrays.copyOf(bodies, count);
        try {
            perform.perform(host, b);
        } catch (Throwable e) {
            JobFailures.performThrew(perform, ids, count, e);
        }
        WorkerReply.post(pool, this, -1);
    }

    /** RT. */
    @Override
    public void perform(World world) {
        pool.performed(this);
    }

    /** RT. */
    void clear() {
        Arrays.fill(bodies, 0, count, null);
        count = 0;
        perform = null;
    }
}
