package la.methc.engine.internal.resource;

import la.methc.engine.internal.osc.Client;

/**
 * One slot of the {@link SlotPool}: the state of Resource {@code id}.
 *
 * <p>State machine: FREE → CONSTRUCTING → LIVE → DESTROYING → FREE. A {@code /resource/free} while
 * CONSTRUCTING or while the refcount is above 0 sets {@code freePending}; a CONSTRUCTING slot with
 * {@code freePending} goes straight to DESTROYING when its construct returns, a LIVE one when its last holder
 * releases it.
 *
 * <p>Every field is plain, and that is deliberate (ADR 0002; the states: ADR 0001): all of them are read and written on the
 * RT thread only. Workers never see a slot; they get a job object holding what they need (the args, the
 * body) and answer RT through {@code Host.performCommand}. Do not "fix" this with atomics or volatiles.
 */
final class ResourceSlot {

    /** The URI of a free slot in {@code /resource/info}; not a compile-time constant, so users hold no String. */
    static final String NO_URI = "".intern();

    final int id;
    SlotState state = SlotState.FREE;
    /** The URI of the Resource's kind; null when free. */
    String uri;
    ResourceDefEntry def;
    /** The plugin's body; null unless LIVE. */
    Object body;
    /** Holders: synths (acquire) and perform dispatches in flight. */
    int refcount;
    /** The perform dispatches in flight among the holders. */
    int inPerform;
    boolean freePending;
    /** An exclusive perform dispatch holds it: nothing else acquires it until that returns. */
    boolean exclusive;
    /** The slot's life, counted up when it starts to be destroyed: holds carry it (never reset). */
    int generation;
    /** A job could not be handed to the notifier (its event pool was empty); RT posts it again next block. */
    boolean postPending;
    /** The origin the pending job keeps for {@code /sync} (see Engine). */
    long postOrigin;
    /** The sender of {@code /resource/new}: gets {@code /resource/ready} or {@code /resource/error}. */
    Client client;
    /** The sender of {@code /resource/free}: gets {@code /resource/destroyed}. */
    Client freeClient;

    /** Preallocated, so RT hands out construct and destroy work without allocating. */
    final ConstructJob construct;
    final DestroyJob destroy;

    ResourceSlot(int id, SlotPool pool) {
        this.id = id;
        construct = new ConstructJob(pool, this);
        destroy = new DestroyJob(pool, this);
    }

    /** RT. Back to FREE, dropping every reference. */
    void clear() {
        state = SlotState.FREE;
        uri = null;
        def = null;
        body = null;
        refcount = 0;
        inPerform = 0;
        freePending = false;
        exclusive = false;
        postPending = false;
        client = null;
        freeClient = null;
    }
}
