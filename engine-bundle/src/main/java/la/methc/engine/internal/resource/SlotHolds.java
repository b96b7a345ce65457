package la.methc.engine.internal.resource;

import la.methc.api.ResourceStatus;

/**
 * Acquires and releases, each by a holder that records it (ADR 0012): a synth's table, the engine's, or a perform
 * dispatch. A release must name a hold of the same holder; a hold of an earlier life of a slot is stale and its
 * release changes nothing but the holder's table. RT only; allocation-free but for a warning's text.
 */
public final class SlotHolds {

    private final SlotPool pool;
    private ResourceStatus lastFailure = ResourceStatus.OK;

    SlotHolds(SlotPool pool) {
        this.pool = pool;
    }

    /** Why {@code holder}'s {@code acquire(id, uri)} would fail, or OK. */
    public ResourceStatus status(int id, String uri, HeldResources holder) {
        ResourceStatus st = pool.status(id, uri);
        if (st == ResourceStatus.OK && holder.isFullFor(id, pool.slot(id).generation)) {
            return ResourceStatus.HOLDER_FULL;
        }
        return st;
    }

    /**
     * The body of a LIVE, not free-pending slot of kind {@code uri}, refcount + 1, the hold recorded in
     * {@code holder}; else null (see {@link #lastFailure}), nothing changed.
     */
    public Object acquire(int id, String uri, HeldResources holder) {
        ResourceStatus st = pool.status(id, uri);
        if (st == ResourceStatus.OK && holder.isFullFor(id, pool.slot(id).generation) && holder.dropStale(pool) == 0) {
            st = ResourceStatus.HOLDER_FULL;
        }
        if (st != ResourceStatus.OK) {
            lastFailure = st;
            return null;
        }
        ResourceSlot s = pool.slot(id);
        holder.add(id, s.generation);
        s.refcount++;
        return s.body;
    }

    /** Why the last {@link #acquire} failed. */
    public ResourceStatus lastFailure() {
        return lastFailure;
    }

    /** Resets {@link #lastFailure} before a call that may acquire. */
    public void clearLastFailure() {
        lastFailure = ResourceStatus.OK;
    }

    /**
     * Drops one of {@code holder}'s holds of {@code id}; the last hold of a free-pending Resource destroys it. A
     * release of an id the holder does not hold is refused with a warning and changes nothing; one of a hold from an
     * earlier life of the slot (it was force-destroyed) only leaves the holder's table.
     */
    public void release(int id, HeldResources holder) {
        if (!pool.inRange(id)) {
            pool.warn(SlotWarnings.notHeld(id, holder));
            return;
        }
        ResourceSlot s = pool.slot(id);
        int generation = holder.remove(id, s.generation);
        if (generation < 0) {
            pool.warn(SlotWarnings.notHeld(id, holder));
            return;
        }
        if (generation != s.generation || s.state != SlotState.LIVE) {
            return; // stale: that life is over, its refcount gone with it
        }
        pool.releaseHold(s);
    }

    /** Releases every hold left in {@code holder} (a synth's detach forgot them) and empties it. */
    public void releaseAll(HeldResources holder) {
        for (int i = 0; i < holder.size(); i++) {
            int id = holder.id(i);
            if (pool.isCurrent(id, holder.generation(i))) {
                ResourceSlot s = pool.slot(id);
                for (int k = 0; k < holder.count(i); k++) {
                    pool.releaseHold(s);
                }
            }
        }
        holder.clear();
    }

    /** Whether {@code holder} holds a current life of a slot of {@code def}. */
    public boolean holdsAny(HeldResources holder, ResourceDefEntry def) {
        for (int i = 0; i < holder.size(); i++) {
            int id = holder.id(i);
            if (pool.isCurrent(id, holder.generation(i)) && pool.slot(id).def == def) {
                return true;
            }
        }
        return false;
    }
}
