package la.methc.engine.internal.resource;

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

        /**
         * A construct came back (the slot is live, destroying or free now) or a perform dispatch did (there is room
         * for another): plugin commands waiting in line may run.
         */
        default void settled() {
        }
    }

    /** Worker → RT: where the engine's own jobs post their results (room for every job in flight). */
    public interface Results {
        /** Worker thread. False only if the queue is full, which the engine's sizing rules out. */
        boolean post(WorldCommand result);
    }

    /** At most this many ids per {@link #performWithResources} dispatch (more: OUT_OF_RANGE). */
    public static final int MAX_PERFORM_IDS = 16;
    /** Dispatches in flight at once (more: BUSY). */
    public static final int PERFORM_JOBS = 256;
    /** The most holds one Resource counts (synths and dispatches); one more is refused with HOLD_LIMIT. */
    public static final int MAX_HOLDS = 65_535;

    private final ResourceSlot[] slots;
    private final PerformDispatcher performs;
    private final SlotDrain drain;
    private final SlotHolds holds;
    private final Rt rt;
    private final Results results;
    private int live;
    private int pendingPosts;
    private long destroyedBodies;

    public SlotPool(int maxResources, Rt rt, Results results) {
        this.rt = rt;
        this.results = results;
        slots = new ResourceSlot[maxResources];
        for (int i = 0; i < maxResources; i++) {
            slots[i] = new ResourceSlot(i, this);
        }
        performs = new PerformDispatcher(this);
        drain = new SlotDrain(this);
        holds = new SlotHolds(this);
        // initialise the enums RT answers with here, on NRT: else RT's first create, free or acquire would (their
        // constants and the Strings they hold, allocated)
        SlotResult.values();
        ResourceStatus.values();
    }

    /** Any thread. */
    public int capacity() {
        return slots.length;
    }

    /** Any thread. */
    public boolean inRange(int id) {
        return id >= 0 && id < slots.length;
    }

    /** RT. Whether {@code id} names a Live Resource that is not being freed: one a synth's re-map may bind. */
    public boolean isBindable(int id) {
        return inRange(id) && slots[id].state == SlotState.LIVE && !slots[id].freePending;
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
     * @return OK, IN_USE or RETIRED
     */
    public SlotResult create(int id, ResourceDefEntry def, OscArgs args, Client client) {
        ResourceSlot s = slots[id];
        if (s.state != SlotState.FREE) {
            return SlotResult.IN_USE;
        }
        if (def.isRetired()) {
            return SlotResult.RETIRED;
        }
        s.state = SlotState.CONSTRUCTING;
        s.uri = def.uri();
        s.def = def;
        s.client = client;
        s.construct.def = def;
        s.construct.args = args;
        post(s, s.construct);
        return SlotResult.OK;
    }

    /**
     * RT. {@code /resource/free}: destroys a LIVE slot nobody holds; marks a CONSTRUCTING or held one
     * free-pending.
     *
     * @return OK, NOT_ALLOCATED, BEING_DESTROYED or ALREADY_FREEING
     */
    public SlotResult free(int id, Client client) {
        ResourceSlot s = slots[id];
        if (s.state == SlotState.FREE) {
            return SlotResult.NOT_ALLOCATED;
        }
        if (s.state == SlotState.DESTROYING) {
            return SlotResult.BEING_DESTROYED;
        }
        if (s.freePending) {
            return SlotResult.ALREADY_FREEING;
        }
        s.freeClient = client;
        if (s.state == SlotState.CONSTRUCTING || s.refcount > 0) {
            s.freePending = true;
        } else {
            beginDestroy(s);
        }
        return SlotResult.OK;
    }

    /** RT. The state name of slot {@code id} for {@code /resource/info}. */
    public String stateName(int id) {
        return slots[id].state.text();
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

    /** RT. Whether slot {@code id} (in range) is being made: CONSTRUCTING. */
    public boolean isConstructing(int id) {
        return slots[id].state == SlotState.CONSTRUCTING;
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
            s.state = SlotState.LIVE;
            live++;
            rt.ready(s.id, s.client);
        }
        rt.settled();
    }

    /** RT. Worker → RT: destroy returned. */
    void destroyed(ResourceSlot s) {
        Client freer = s.freeClient;
        s.clear();
        destroyedBodies++;
        rt.destroyed(s.id, freer);
    }

    /** RT. Slot {@code id} (in range). */
    ResourceSlot slot(int id) {
        return slots[id];
    }

    /** RT. Hands a dispatch to a worker. */
    boolean postJob(PerformJob job) {
        return rt.post(job);
    }

    /** RT. A warning for the log. */
    void warn(String message) {
        rt.warn(message);
    }

    void beginDestroy(ResourceSlot s) {
        if (s.state == SlotState.LIVE) {
            live--;
        }
        s.state = SlotState.DESTROYING;
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
                if (!rt.repost(s.state == SlotState.CONSTRUCTING ? s.construct : s.destroy, s.postOrigin)) {
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
        if (s.state != SlotState.LIVE) {
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

    /** RT. Whether a hold taken in life {@code generation} of slot {@code id} is of its current life. */
    boolean isCurrent(int id, int generation) {
        ResourceSlot s = slots[id];
        return s.state == SlotState.LIVE && s.generation == generation;
    }

    /** RT. One hold less; the last hold of a free-pending Resource destroys it. */
    void releaseHold(ResourceSlot s) {
        s.refcount--;
        if (s.refcount == 0 && s.freePending) {
            beginDestroy(s);
        }
    }

    /** RT. Acquires and releases, by holder (see {@link SlotHolds}). */
    public SlotHolds holds() {
        return holds;
    }

    /** RT. {@code World.performWithResources} (see {@link PerformDispatcher}). */
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        return performs.dispatch(ids, writes, exclusive, perform);
    }

    /** RT. Worker → RT: a perform callback returned. */
    void performed(PerformJob job) {
        performs.performed(job);
        rt.settled();
    }

    /** RT. Dispatches in flight. */
    public int performsInFlight() {
        return performs.inFlight();
    }

    // ---------------------------------------------------------------- departure and shutdown (RT)

    /** RT. Empties the slots of a departing ResourceDef, or all of them at shutdown. */
    public SlotDrain drain() {
        return drain;
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
            if (s.state != SlotState.FREE) {
                leaked++;
            }
            s.clear();
        }
        live = 0;
        pendingPosts = 0;
        return leaked;
    }
}
