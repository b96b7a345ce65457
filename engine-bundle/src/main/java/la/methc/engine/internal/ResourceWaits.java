package la.methc.engine.internal;

import la.methc.engine.internal.command.AwaitsResources;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.resource.SlotPool;

/**
 * The line of plugin commands waiting for Resources being made ({@link RtContext#await}): a preallocated ring, in
 * arrival order. A command waits while one of its Resources is Constructing, or while every dispatch is in flight
 * ({@link SlotPool#PERFORM_JOBS}), and so does every plugin command that comes after it, whatever it names, so the
 * commands keep the one order they arrived in (scsynth's asynchronous queue) and a flood of them queues rather
 * than being refused busy. When a construct comes back (live or not), or a perform dispatch does, the slot pool says so
 * ({@link #resume}) and the commands at the head of the line that no longer wait run, as long as there is room for
 * their dispatch ({@link SlotPool#PERFORM_JOBS} in flight), inside that worker reply, so a {@code /sync} counts them
 * as part of the chain of work they waited for (ADR 0012). While in line a command's events stay reserved, as a scheduled
 * command's do; a full line refuses with {@code /error}. RT only; allocation-free.
 */
final class ResourceWaits {

    /** The most commands in line; one more is refused. */
    static final int CAPACITY = 4096;

    private final AwaitsResources[] ring = new AwaitsResources[CAPACITY];
    private final EventBudget budget;
    private final String fullReason = EngineText.waitLineFull(CAPACITY);
    private final String shutdownReason = EngineText.shuttingDown();
    private SlotPool pool;
    private RtContext rt;
    private int head;
    private int count;

    ResourceWaits(EventBudget budget) {
        this.budget = budget;
    }

    /** Before the engine runs: what the line checks and what its commands run on. */
    void bind(SlotPool pool, RtContext rt) {
        this.pool = pool;
        this.rt = rt;
    }

    /** RT. See {@link RtContext#await}. */
    boolean await(AwaitsResources c) {
        if (count == 0 && !mustWait(c) && hasRoom()) {
            return false;
        }
        if (count == CAPACITY || !budget.canSchedule(c.events())) {
            c.abandon(rt, fullReason);
            return true;
        }
        ring[(head + count) % CAPACITY] = c;
        count++;
        budget.scheduled(c.events());
        return true;
    }

    /**
     * RT, after a construct or a dispatch came back: runs the commands at the head of the line that no longer wait,
     * while a dispatch has room (the next dispatch that comes back resumes the rest).
     */
    void resume() {
        while (count > 0 && hasRoom() && !mustWait(ring[head])) {
            take().resume(rt);
        }
    }

    /** RT. Answers every command in line with {@code /error}: the engine is shutting down. */
    void abandonAll() {
        while (count > 0) {
            take().abandon(rt, shutdownReason);
        }
    }

    /** RT. Commands in line. */
    int size() {
        return count;
    }

    private AwaitsResources take() {
        AwaitsResources c = ring[head];
        ring[head] = null;
        head = (head + 1) % CAPACITY;
        count--;
        budget.unscheduled(c.events());
        return c;
    }

    /** Whether a dispatch may start now: fewer than {@link SlotPool#PERFORM_JOBS} are in flight. */
    private boolean hasRoom() {
        return pool.performsInFlight() < SlotPool.PERFORM_JOBS;
    }

    private boolean mustWait(AwaitsResources c) {
        for (int id : c.awaited()) {
            if (pool.inRange(id) && pool.isConstructing(id)) {
                return true;
            }
        }
        return false;
    }
}
