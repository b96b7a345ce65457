package la.methc.engine.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.notify.EventChannel;
import la.methc.engine.internal.resource.SlotPool;

/**
 * How many RT events the engine may still spend (ADR 0012): the pool's free events, less a reserve for what nodes,
 * slots and perform dispatches say unasked, the events of scheduled commands and a margin for worker replies. RT
 * takes a request only when this admits it. RT only, but {@link #deferrals()}.
 */
final class EventBudget {

    /**
     * The most RT events one request (a message or a whole bundle) may need: a bundle that needs more can never
     * be answered at once and is refused whole on the network thread. A {@code /synth/new} needs 2, a query 1: at
     * least 32,768 messages of any kind.
     */
    static final int REQUEST_EVENTS = 65_536;
    /**
     * The most events the commands waiting in the scheduler may hold reserved: a bundle that would take them past it
     * is refused, so that what is scheduled ahead can never keep immediate requests out (the pool has room for both).
     */
    static final int SCHEDULED_EVENTS = 65_536;
    /** Events only plugins' own jobs and warnings may take, so a flood of requests does not starve them. */
    static final int PLUGIN_EVENTS = 1024;
    /** Events kept free for worker replies and {@code /sync} relays when RT takes requests, so those never starve. */
    static final int REPLY_MARGIN = 1024;
    /** Events of a node's life not asked for by a request: {@code /node/done}, a process {@code /error}, {@code /node/ended}. */
    static final int NODE_EVENTS = 3;
    /** Events of a slot's life not asked for by a request: ready or error, its destroy job, destroyed. */
    static final int SLOT_EVENTS = 3;
    /** How long an offline render waits for the notifier to give events back before it defers a request. */
    static final long OFFLINE_PATIENCE_MS = 10_000;

    private final EventChannel events;
    private final boolean offline;
    /** Held back for what nodes, slots and perform dispatches may produce unasked. */
    private final int reserve;
    /** Reserved for the commands waiting in the scheduler: they run, or are dropped, without asking again. */
    private int scheduled;
    /** Times RT left requests waiting because the pool was short (back-pressure, not loss). RT writes. */
    private volatile long deferrals;

    EventBudget(EngineOptions options) {
        offline = options.offline();
        reserve = NODE_EVENTS * options.maxNodes() + SLOT_EVENTS * options.maxResources() + SlotPool.PERFORM_JOBS + 64
                + PLUGIN_EVENTS;
        events = new EventChannel(reserve + REPLY_MARGIN + REQUEST_EVENTS + SCHEDULED_EVENTS);
    }

    EventChannel channel() {
        return events;
    }

    /** RT. Whether {@code c} may run (or be scheduled) now, all its events admitted; counts a deferral if not. */
    boolean admitsRequest(Command c) {
        if (admits(c.events(), REPLY_MARGIN)) {
            return true;
        }
        deferrals++; // single writer: RT
        return false;
    }

    /** RT. Whether a worker's reply needing {@code needed} events may run now. */
    boolean admitsReply(int needed) {
        return admits(needed, 0);
    }

    /**
     * RT. The events below which neither a plugin's own job nor a warning may take one: they have
     * {@value #PLUGIN_EVENTS} of the reserve to themselves, and what admitted work leaves.
     */
    int floor() {
        return reserve - PLUGIN_EVENTS + scheduled;
    }

    /** RT. Whether {@code c} may wait in the scheduler with its events reserved (else it is refused). */
    boolean canSchedule(Command c) {
        return canSchedule(c.events());
    }

    /** RT. Whether {@code n} more events may be reserved for commands waiting (scheduled, or in line). */
    boolean canSchedule(int n) {
        return scheduled + n <= SCHEDULED_EVENTS;
    }

    private boolean admits(int needed, int margin) {
        if (events.available() - needed >= reserve + scheduled + margin) {
            return true;
        }
        // offline nothing is late: wait for the notifier rather than let its pace decide the block (same file
        // every time); real time never waits here
        return offline && awaitEvents(needed, margin);
    }

    private boolean awaitEvents(int needed, int margin) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OFFLINE_PATIENCE_MS);
        while (events.available() - needed < reserve + scheduled + margin) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
        return true;
    }

    /** RT. {@code c} went into the scheduler: its events stay reserved until it runs or is dropped. */
    void scheduled(Command c) {
        scheduled(c.events());
    }

    /** RT. {@code n} events of a waiting command are reserved (see {@code ResourceWaits}). */
    void scheduled(int n) {
        scheduled += n;
    }

    /** RT. {@code c} left the scheduler (due, or dropped). */
    void unscheduled(Command c) {
        unscheduled(c.events());
    }

    /** RT. A waiting command's {@code n} events are no longer reserved: it runs or is refused now. */
    void unscheduled(int n) {
        scheduled -= n;
    }

    /** Any thread. */
    long deferrals() {
        return deferrals;
    }
}
