package la.methc.engine.internal.resource;

import java.util.Objects;
import la.methc.api.HostCommand;
import la.methc.api.OscArgs;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.WorldCommand;
import la.methc.engine.internal.osc.Client;

/**
 * The engine's fixed pool of Resource slots ({@code maxResources}, ADR 0001), indexed by the client's
 * Resource id, and the lifecycle that runs on them. Every method but {@link #tearDown} runs on the RT thread
 * and is its single writer (ADR 0002: no atomics, no locks); none allocates except to build the text
 * of a warning. Work for plugins goes to workers in preallocated jobs: construct and destroy per slot,
 * {@link #PERFORM_JOBS} perform dispatches of up to {@link #MAX_PERFORM_IDS} Resources each. The warnings'
 * text lives in {@link SlotWarnings}, so this class holds no String constants (see {@link JobFailures}).
 */
public final class SlotPool {

    /** What the pool needs from the engine. RT. */
    public interface Rt {
        /** Hands {@code job} to a worker (through the notifier); false when that cannot be done now. */
        boolean post(HostCommand job);

        /** Hands a job that could not be posted earlier to a worker, with the origin it got then. */
        boolean repost(HostCommand job, long origin);

        /** The origin to keep for a job that cannot be posted now, so the {@code /sync}s it counts for wait. */
        long pendingOrigin();

        /** {@code /resource/ready i:id}, to notify clients and {@code client}. */
        void ready(int id, Client client);

        /** {@code /resource/error i:id s:reason}, to notify clients and {@code client}. */
        void failed(int id, String reason, Client client);

        /** {@code /resource/destroyed i:id}, to notify clients and {@code client}. */
        void destroyed(int id, Client client);

        /** A warning for the log, written on the notifier thread (an error path: the text may be built). */
        void warn(String message);
    }

    /** Worker → RT: where the engine's own jobs post their results (room for every job in flight). */
    public interface Results {
        /** Worker thread. False only if the queue is full, which the engine's sizing rules out. */
        boolean post(WorldCommand result);
    }

    /** Results of {@link #create} and {@link #free}. */
    public static final int OK = 0;
    public static final int IN_USE = 1;
    public static final int RETIRED = 2;
    public static final int NOT_ALLOCATED = 3;
    public static final int BEING_DESTROYED = 4;
    public static final int ALREADY_FREEING = 5;

    /** At most this many ids per {@link #performWithResources} dispatch (more: OUT_OF_RANGE). */
    public static final int MAX_PERFORM_IDS = 16;
    /** Dispatches in flight at once (more: BUSY). */
    public static final int PERFORM_JOBS = 256;
    /** The most holds one Resource counts (synths and dispatches); one more is refused with HOLD_LIMIT. */
    public static final int MAX_HOLDS = 65_535;

    private final ResourceSlot[] slots;
    private final PerformJob[] jobs;
    private int freeJobs;
    private final Rt rt;
    private final Results results;
    private int live;
    private int pendingPosts;
    private long destroyedBodies;
    private ResourceStatus lastFailure = ResourceStatus.OK;

    public SlotPool(int maxResources, Rt rt, Results results) {
        this.rt = rt;
        this.results = results;
        slots = new ResourceSlot[maxResources];
        for (int i = 0; i < maxResources; i++) {
            slots[i] = new ResourceSlot(i, this);
        }
        jobs = new PerformJob[PERFORM_JOBS];
        for (int i = 0; i < PERFORM_JOBS; i++) {
            jobs[i] = new PerformJob(this, MAX_PERFORM_IDS);
        }
        freeJobs = PERFORM_JOBS;
    }

    /** Any thread. */
    public int capacity() {
        return slots.length;
    }

    /** Any thread. */
    public boolean inRange(int id) {
        return id >= 0 && id < slots.length;
    }

    /** RT. Resources in state LIVE (for {@code /status}). */
    public int liveCount() {
        return live;
    }

    // ---------------------------------------------------------------- OSC lifecycle (RT)

    /**
     * RT. {@code /resource/new}: FREE → CONSTRUCTING and construct on a worker. {@code id} is in range (the
     * network thread checked it).
     *
     * @return {@link #OK}, {@link #IN_USE} or {@link #RETIRED}
     */
    public int create(int id, ResourceDefEntry def, OscArgs args, Client client) {
        ResourceSlot s = slots[id];
        if (s.state != ResourceSlot.FREE) {
            return IN_USE;
        }
        if (def.isRetired()) {
            return RETIRED;
        }
        s.state = ResourceSlot.CONSTRUCTING;
        s.uri = def.uri();
        s.def = def;
        s.client = client;
        s.construct.def = def;
        s.construct.args = args;
        post(s, s.construct);
        return OK;
    }

    /**
     * RT. {@code /resource/free}: destroys a LIVE slot nobody holds; marks a CONSTRUCTING or held one
     * free-pending.
     *
     * @return {@link #OK}, {@link #NOT_ALLOCATED}, {@link #BEING_DESTROYED} or {@link #ALREADY_FREEING}
     */
    public int free(int id, Client client) {
        ResourceSlot s = slots[id];
        if (s.state == ResourceSlot.FREE) {
            return NOT_ALLOCATED;
        }
        if (s.state == ResourceSlot.DESTROYING) {
            return BEING_DESTROYED;
        }
        if (s.freePending) {
            return ALREADY_FREEING;
        }
        s.freeClient = client;
        if (s.state == ResourceSlot.CONSTRUCTING || s.refcount > 0) {
            s.freePending = true;
        } else {
            beginDestroy(s);
        }
        return OK;
    }

    /** RT. The state name of slot {@code id} for {@code /resource/info}. */
    public String stateName(int id) {
        return ResourceSlot.name(slots[id].state);
    }

    /** RT. The URI of slot {@code id}, "" when free. */
    public String uri(int id) {
        String uri = slots[id].uri;
        return uri == null ? ResourceSlot.NO_URI : uri;
    }

    /** RT. */
    public int refcount(int id) {
        return slots[id].refcount;
    }

    /** RT. */
    public boolean isFreePending(int id) {
        return slots[id].freePending;
    }

    /** RT. Worker → RT: construct returned {@code body} (null: failed for {@code reason}). */
    void constructed(ResourceSlot s, Object body, String reason) {
        if (body == null) {
            Client creator = s.client;
            Client freer = s.freeClient;
            boolean freed = s.freePending;
            s.clear();
            rt.failed(s.id, reason, creator);
            if (freed) {
                // the free that came during construction is complete too
                rt.destroyed(s.id, freer);
            }
        } else if (s.freePending) {
            // freed while constructing: it never becomes live
            s.body = body;
            beginDestroy(s);
        } else {
            s.body = body;
            s.state = ResourceSlot.LIVE;
            live++;
            rt.ready(s.id, s.client);
        }
    }

    /** RT. Worker → RT: destroy returned. */
    void destroyed(ResourceSlot s) {
        Client freer = s.freeClient;
        s.clear();
        destroyedBodies++;
        rt.destroyed(s.id, freer);
    }

    private void beginDestroy(ResourceSlot s) {
        if (s.state == ResourceSlot.LIVE) {
            live--;
        }
        s.state = ResourceSlot.DESTROYING;
        s.generation++; // holds of this life are stale from now on (a forced destroy leaves some)
        s.refcount = 0;
        s.inPerform = 0;
        s.exclusive = false;
        s.destroy.def = s.def;
        s.destroy.body = s.body;
        s.body = null;
        post(s, s.destroy);
    }

    private void post(ResourceSlot s, HostCommand job) {
        if (!rt.post(job)) {
            s.postPending = true;
            s.postOrigin = rt.pendingOrigin();
            pendingPosts++;
        }
    }

    /** Worker thread. Posts a job's result to RT (see {@link WorkerReply}). */
    boolean postResult(WorldCommand result) {
        return results.post(result);
    }

    /** RT. Whether a construct or destroy waits to be posted again. */
    public boolean hasPendingPosts() {
        return pendingPosts > 0;
    }

    /** RT. Whether a construct or destroy of origin below {@code barrier} waits to be posted again. */
    public boolean hasPendingPostBefore(long barrier) {
        if (pendingPosts == 0) {
            return false;
        }
        for (ResourceSlot s : slots) {
            if (s.postPending && s.postOrigin < barrier) {
                return true;
            }
        }
        return false;
    }

    /** RT, once per block. Posts again the jobs the notifier could not take (rare: its event pool was empty). */
    public void retryPosts() {
        if (pendingPosts == 0) {
            return;
        }
        for (ResourceSlot s : slots) {
            if (s.postPending) {
                if (!rt.repost(s.state == ResourceSlot.CONSTRUCTING ? s.construct : s.destroy, s.postOrigin)) {
                    return;
                }
                s.postPending = false;
                pendingPosts--;
            }
        }
    }

    // ---------------------------------------------------------------- World (RT)

    /** RT. Why {@code acquire(id, uri)} would fail, or OK. */
    public ResourceStatus status(int id, String uri) {
        if (id < 0 || id >= slots.length) {
            return ResourceStatus.OUT_OF_RANGE;
        }
        ResourceSlot s = slots[id];
        if (s.state != ResourceSlot.LIVE) {
            return ResourceStatus.NOT_LIVE;
        }
        if (s.freePending) {
            return ResourceStatus.FREE_PENDING;
        }
        if (!s.uri.equals(uri)) {
            return ResourceStatus.WRONG_URI;
        }
        if (s.exclusive) {
            return ResourceStatus.EXCLUSIVE_IN_USE;
        }
        if (s.refcount >= MAX_HOLDS) {
            return ResourceStatus.HOLD_LIMIT;
        }
        return ResourceStatus.OK;
    }

    /** RT. Why {@code holder}'s {@code acquire(id, uri)} would fail, or OK. */
    public ResourceStatus status(int id, String uri, HeldResources holder) {
        ResourceStatus st = status(id, uri);
        if (st == ResourceStatus.OK && holder.isFullFor(id, slots[id].generation)) {
            return ResourceStatus.HOLDER_FULL;
        }
        return st;
    }

    /**
     * RT. The body of a LIVE, not free-pending slot of kind {@code uri}, refcount + 1, the hold recorded in
     * {@code holder}; else null (see {@link #lastFailure}), nothing changed.
     */
    public Object acquire(int id, String uri, HeldResources holder) {
        ResourceStatus st = status(id, uri);
        if (st == ResourceStatus.OK && holder.isFullFor(id, slots[id].generation) && holder.dropStale(this) == 0) {
            st = ResourceStatus.HOLDER_FULL;
        }
        if (st != ResourceStatus.OK) {
            lastFailure = st;
            return null;
        }
        ResourceSlot s = slots[id];
        holder.add(id, s.generation);
        s.refcount++;
        return s.body;
    }

    /** RT. Whether a hold taken in life {@code generation} of slot {@code id} is of its current life. */
    boolean isCurrent(int id, int generation) {
        ResourceSlot s = slots[id];
        return s.state == ResourceSlot.LIVE && s.generation == generation;
    }

    /** RT. Why the last {@link #acquire} failed. */
    public ResourceStatus lastFailure() {
        return lastFailure;
    }

    /** RT. Resets {@link #lastFailure} before a call that may acquire. */
    public void clearLastFailure() {
        lastFailure = ResourceStatus.OK;
    }

    /**
     * RT. Drops one of {@code holder}'s holds of {@code id}; the last hold of a free-pending Resource destroys it.
     * A release of an id the holder does not hold is refused with a warning and changes nothing; one of a hold
     * from an earlier life of the slot (it was force-destroyed) only leaves the holder's table.
     */
    public void release(int id, HeldResources holder) {
        if (id < 0 || id >= slots.length) {
            rt.warn(SlotWarnings.notHeld(id, holder));
            return;
        }
        ResourceSlot s = slots[id];
        int generation = holder.remove(id, s.generation);
        if (generation < 0) {
            rt.warn(SlotWarnings.notHeld(id, holder));
            return;
        }
        if (generation != s.generation || s.state != ResourceSlot.LIVE) {
            return; // stale: that life is over, its refcount gone with it
        }
        releaseHold(s);
    }

    private void releaseHold(ResourceSlot s) {
        s.refcount--;
        if (s.refcount == 0 && s.freePending) {
            beginDestroy(s);
        }
    }

    /** RT. Releases every hold left in {@code holder} (a synth's detach forgot them) and empties it. */
    public void releaseAll(HeldResources holder) {
        for (int i = 0; i < holder.size(); i++) {
            int id = holder.id(i);
            int n = holder.count(i);
            if (isCurrent(id, holder.generation(i))) {
                ResourceSlot s = slots[id];
                for (int k = 0; k < n; k++) {
                    releaseHold(s);
                }
            }
        }
        holder.clear();
    }

    /** RT. Whether {@code holder} holds a current life of a slot of {@code def}. */
    public boolean holdsAny(HeldResources holder, ResourceDefEntry def) {
        for (int i = 0; i < holder.size(); i++) {
            int id = holder.id(i);
            if (isCurrent(id, holder.generation(i)) && slots[id].def == def) {
                return true;
            }
        }
        return false;
    }

    /**
     * RT. {@code World.performWithResources}: every check before any acquire, then refcount + 1 for each id
     * and one pooled job to a worker; the Resources are released when the job comes back.
     */
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        Objects.requireNonNull(perform);
        if (ids == null || ids.length > MAX_PERFORM_IDS) {
            return ResourceStatus.OUT_OF_RANGE;
        }
        int n = ids.length;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            if (id < 0 || id >= slots.length) {
                return ResourceStatus.OUT_OF_RANGE;
            }
            for (int k = 0; k < i; k++) {
                if (ids[k] == id) {
                    return ResourceStatus.DUPLICATE_ID;
                }
            }
            ResourceSlot s = slots[id];
            if (s.state != ResourceSlot.LIVE) {
                return ResourceStatus.NOT_LIVE;
            }
            if (s.freePending) {
                return ResourceStatus.FREE_PENDING;
            }
            boolean write = exclusive || (writes != null && i < writes.length && writes[i]);
            if (write && s.def.isImmutable()) {
                return ResourceStatus.IMMUTABLE;
            }
            if (s.exclusive) {
                return ResourceStatus.EXCLUSIVE_IN_USE;
            }
            if (exclusive && s.refcount != 0) {
                return ResourceStatus.NOT_EXCLUSIVE;
            }
            if (s.refcount >= MAX_HOLDS) {
                return ResourceStatus.HOLD_LIMIT;
            }
        }
        if (freeJobs == 0) {
            return ResourceStatus.BUSY;
        }
        PerformJob job = jobs[--freeJobs];
        jobs[freeJobs] = null;
        for (int i = 0; i < n; i++) {
            ResourceSlot s = slots[ids[i]];
            s.refcount++;
            s.inPerform++;
            s.exclusive = exclusive; // nothing else acquires it until the callback returns
            job.ids[i] = ids[i];
            job.bodies[i] = s.body;
        }
        job.count = n;
        job.perform = perform;
        if (!rt.post(job)) {
            for (int i = 0; i < n; i++) {
                ResourceSlot s = slots[ids[i]];
                s.refcount--;
                s.inPerform--;
                s.exclusive = false;
            }
            recycle(job);
            return ResourceStatus.BUSY;
        }
        return ResourceStatus.OK;
    }

    /**
     * RT. Worker → RT: a perform callback returned; release what the dispatch acquired, then tell the callback
     * if it is a {@link ReleaseListener}.
     */
    void performed(PerformJob job) {
        ResourcePerform perform = job.perform;
        for (int i = 0; i < job.count; i++) {
            ResourceSlot s = slots[job.ids[i]];
            s.inPerform--;
            s.exclusive = false;
            releaseHold(s);
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

    /** RT. Dispatches in flight. */
    public int performsInFlight() {
        return PERFORM_JOBS - freeJobs;
    }

    // ---------------------------------------------------------------- departure and shutdown (RT)

    /** RT. Whether slot {@code id} is in use by a Resource of {@code def} (any def when null). */
    public boolean belongsTo(int id, ResourceDefEntry def) {
        ResourceSlot s = slots[id];
        return s.state != ResourceSlot.FREE && (def == null || s.def == def);
    }

    /**
     * RT. Marks every CONSTRUCTING or LIVE slot of {@code def} (every slot when null) free-pending, so nothing
     * acquires it any more, and destroys the LIVE ones nobody holds.
     */
    public void beginDrain(ResourceDefEntry def) {
        for (ResourceSlot s : slots) {
            if ((s.state == ResourceSlot.CONSTRUCTING || s.state == ResourceSlot.LIVE) && (def == null || s.def == def)) {
                s.freePending = true;
                if (s.state == ResourceSlot.LIVE && s.refcount == 0) {
                    beginDestroy(s);
                }
            }
        }
    }

    /**
     * RT. Destroys every LIVE slot of {@code def} (every slot when null) that no perform dispatch uses,
     * whatever its refcount: called once the synths holding it are gone, what is left is untracked.
     *
     * @return how many it destroyed
     */
    public int forceDestroyIdle(ResourceDefEntry def) {
        int n = 0;
        for (ResourceSlot s : slots) {
            if (s.state == ResourceSlot.LIVE && s.inPerform == 0 && (def == null || s.def == def)) {
                if (s.refcount > 0) {
                    rt.warn(SlotWarnings.forcedWithHolds(s.id, s.uri, s.refcount));
                }
                s.freePending = true;
                beginDestroy(s);
                n++;
            }
        }
        return n;
    }

    /** RT. Slots of {@code def} (every slot when null) in {@code state}: 0 free … 3 destroying. */
    public int count(ResourceDefEntry def, int state) {
        int n = 0;
        for (ResourceSlot s : slots) {
            if (s.state == state && (def == null || s.def == def)) {
                n++;
            }
        }
        return n;
    }

    /** RT. Bodies destroyed so far. */
    public long destroyedBodies() {
        return destroyedBodies;
    }

    /**
     * NRT, after RT stopped for good (the driver thread has ended). Drops every reference.
     *
     * @return the slots that were not FREE (their bodies were never destroyed)
     */
    public int tearDown() {
        int leaked = 0;
        for (ResourceSlot s : slots) {
            if (s.state != ResourceSlot.FREE) {
                leaked++;
            }
            s.clear();
        }
        live = 0;
        pendingPosts = 0;
        return leaked;
    }

    /** State constants, for {@link #count}. */
    public static final int FREE = ResourceSlot.FREE;
    public static final int CONSTRUCTING = ResourceSlot.CONSTRUCTING;
    public static final int LIVE = ResourceSlot.LIVE;
    public static final int DESTROYING = ResourceSlot.DESTROYING;
}
