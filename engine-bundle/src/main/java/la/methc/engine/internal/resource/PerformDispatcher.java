package la.methc.engine.internal.resource;

import java.util.Objects;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;

/**
 * {@code World.performWithResources}: every check before any acquire, then a hold of each Resource and one job from
 * a preallocated pool to a worker; the holds go when the job comes back. An exclusive dispatch keeps its Resources
 * to itself until then (ADR 0004). RT only (the jobs' callbacks run on workers).
 */
final class PerformDispatcher {

    private final SlotPool pool;
    private final PerformJob[] jobs;
    private int freeJobs;

    PerformDispatcher(SlotPool pool) {
        this.pool = pool;
        jobs = new PerformJob[SlotPool.PERFORM_JOBS];
        for (int i = 0; i < jobs.length; i++) {
            jobs[i] = new PerformJob(pool, SlotPool.MAX_PERFORM_IDS);
        }
        freeJobs = jobs.length;
    }

    ResourceStatus dispatch(int[] ids, boolean[] writes, boolean exclusive, ResourcePerform perform) {
        Objects.requireNonNull(perform);
        if (ids == null || ids.length > SlotPool.MAX_PERFORM_IDS) {
            return ResourceStatus.OUT_OF_RANGE;
        }
        int n = ids.length;
        for (int i = 0; i < n; i++) {
            ResourceStatus st = check(ids, i, exclusive || (writes != null && i < writes.length && writes[i]),
                    exclusive);
            if (st != ResourceStatus.OK) {
                return st;
            }
        }
        if (freeJobs == 0) {
            return ResourceStatus.BUSY;
        }
        PerformJob job = jobs[--freeJobs];
        jobs[freeJobs] = null;
        for (int i = 0; i < n; i++) {
            ResourceSlot s = pool.slot(ids[i]);
            s.refcount++;
            s.inPerform++;
            s.exclusive = exclusive; // nothing else acquires it until the callback returns
            job.ids[i] = ids[i];
            job.bodies[i] = s.body;
        }
        job.count = n;
        job.perform = perform;
        if (!pool.postJob(job)) {
            for (int i = 0; i < n; i++) {
                ResourceSlot s = pool.slot(ids[i]);
                s.refcount--;
                s.inPerform--;
                s.exclusive = false;
            }
            recycle(job);
            return ResourceStatus.BUSY;
        }
        return ResourceStatus.OK;
    }

    /** Why {@code ids[i]} cannot be dispatched ({@code write}: the callback writes it), or OK. */
    private ResourceStatus check(int[] ids, int i, boolean write, boolean exclusive) {
        int id = ids[i];
        if (!pool.inRange(id)) {
            return ResourceStatus.OUT_OF_RANGE;
        }
        for (int k = 0; k < i; k++) {
            if (ids[k] == id) {
                return ResourceStatus.DUPLICATE_ID;
            }
        }
        ResourceSlot s = pool.slot(id);
        if (s.state != SlotState.LIVE) {
            return ResourceStatus.NOT_LIVE;
        }
        if (s.freePending) {
            return ResourceStatus.FREE_PENDING;
        }
        if (write && s.def.isImmutable()) {
            return ResourceStatus.IMMUTABLE;
        }
        if (s.exclusive) {
            return ResourceStatus.EXCLUSIVE_IN_USE;
        }
        if (exclusive && s.refcount != 0) {
            return ResourceStatus.NOT_EXCLUSIVE;
        }
        return s.refcount >= SlotPool.MAX_HOLDS ? ResourceStatus.HOLD_LIMIT : ResourceStatus.OK;
    }

    /** Worker → RT: a callback returned; release what the dispatch held, then tell a {@link ReleaseListener}. */
    void performed(PerformJob job) {
        ResourcePerform perform = job.perform;
        for (int i = 0; i < job.count; i++) {
            ResourceSlot s = pool.slot(job.ids[i]);
            s.inPerform--;
            s.exclusive = false;
            pool.releaseHold(s);
        }
        recycle(job);
        if (perform instanceof ReleaseListener listener) {
            listener.released();
        }
    }

    private void recycle(PerformJob job) {
        job.clear();
        jobs[freeJobs++] = job;
    }

    /** Dispatches in flight. */
    int inFlight() {
        return jobs.length - freeJobs;
    }
}
