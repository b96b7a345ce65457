package la.methc.engine.internal.resource;

/**
 * Empties the slots of a departing ResourceDef, or all of them at shutdown (ADR 0001): nothing acquires them any
 * more, the live ones nobody holds are destroyed, and once their holders are gone the rest are destroyed whatever
 * their refcount (the holds left are stale from then on). RT only.
 */
public final class SlotDrain {

    private final SlotPool pool;

    SlotDrain(SlotPool pool) {
        this.pool = pool;
    }

    /**
     * Marks every CONSTRUCTING or LIVE slot of {@code def} (every slot when null) free-pending, so nothing acquires it
     * any more, and destroys the LIVE ones nobody holds.
     */
    public void begin(ResourceDefEntry def) {
        for (int id = 0; id < pool.capacity(); id++) {
            ResourceSlot s = pool.slot(id);
            if ((s.state == SlotState.CONSTRUCTING || s.state == SlotState.LIVE) && of(s, def)) {
                s.freePending = true;
                if (s.state == SlotState.LIVE && s.refcount == 0) {
                    pool.beginDestroy(s);
                }
            }
        }
    }

    /**
     * Destroys every LIVE slot of {@code def} (every slot when null) that no perform dispatch uses, whatever its
     * refcount: called once the synths holding it are gone. Returns how many it destroyed.
     */
    public int forceDestroyIdle(ResourceDefEntry def) {
        int n = 0;
        for (int id = 0; id < pool.capacity(); id++) {
            ResourceSlot s = pool.slot(id);
            if (s.state == SlotState.LIVE && s.inPerform == 0 && of(s, def)) {
                if (s.refcount > 0) {
                    pool.warn(SlotWarnings.forcedWithHolds(s.id, s.uri, s.refcount));
                }
                s.freePending = true;
                pool.beginDestroy(s);
                n++;
            }
        }
        return n;
    }

    /** Slots of {@code def} (every slot when null) in {@code state}. */
    public int count(ResourceDefEntry def, SlotState state) {
        int n = 0;
        for (int id = 0; id < pool.capacity(); id++) {
            ResourceSlot s = pool.slot(id);
            if (s.state == state && of(s, def)) {
                n++;
            }
        }
        return n;
    }

    private static boolean of(ResourceSlot s, ResourceDefEntry def) {
        return def == null || s.def == def;
    }
}
