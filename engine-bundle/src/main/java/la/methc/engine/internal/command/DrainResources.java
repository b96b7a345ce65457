package la.methc.engine.internal.command;

import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.resource.SlotState;

/**
 * Empties the slots of one ResourceDef (its bundle is leaving) or of all of them (shutdown). Run on RT again
 * and again by a waiting NRT thread ({@link RtContext#drain}) until its counts say it is done. The first run
 * marks the slots free-pending (nothing acquires them any more; constructs that return are destroyed at
 * once) and, for a departing def, frees the synths holding them; every run then destroys the live slots no
 * perform dispatch uses, whatever their refcount, and counts what is left.
 *
 * <p>The counts are written on RT and read by the waiting thread after {@code runAndWait} returned: its
 * latch passes through the notifier after this command, which orders them.
 */
public final class DrainResources extends Command {

    private final ResourceDefEntry def;
    private boolean begun;
    private int holdersFreed;
    private int liveAtStart;
    private int constructingAtStart;
    private int constructing;
    private int live;
    private int destroying;

    /** {@code def} null: every slot. */
    public DrainResources(ResourceDefEntry def) {
        super(CommandText.resourceDrain(), null);
        this.def = def;
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        SlotPool pool = rt.resources();
        if (!begun) {
            begun = true;
            liveAtStart = pool.drain().count(def, SlotState.LIVE);
            constructingAtStart = pool.drain().count(def, SlotState.CONSTRUCTING);
            pool.drain().begin(def);
            if (def != null) {
                holdersFreed = rt.freeHolders(def);
            }
        }
        pool.drain().forceDestroyIdle(def);
        constructing = pool.drain().count(def, SlotState.CONSTRUCTING);
        live = pool.drain().count(def, SlotState.LIVE);
        destroying = pool.drain().count(def, SlotState.DESTROYING);
    }

    /** Slots not FREE yet. */
    public int pending() {
        return constructing + live + destroying;
    }

    public int constructing() {
        return constructing;
    }

    public int live() {
        return live;
    }

    public int destroying() {
        return destroying;
    }

    public int holdersFreed() {
        return holdersFreed;
    }

    public int liveAtStart() {
        return liveAtStart;
    }

    public int constructingAtStart() {
        return constructingAtStart;
    }
}
