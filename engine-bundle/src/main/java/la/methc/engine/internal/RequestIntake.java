package la.methc.engine.internal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.command.Scheduler;
import org.jctools.queues.MpscArrayQueue;

/**
 * Network → RT: the request queue, and how RT takes from it. RT takes a request only when the event pool admits
 * all of its replies (ADR 0012), runs it when due in this block and schedules it otherwise; what it cannot take
 * waits, in order. The engine's own commands (shutdown, a departing bundle) have a queue of their own that RT takes
 * whatever the pool: their events are in the reserve. Submitting: network and NRT threads; taking: RT.
 */
final class RequestIntake {

    private static final int INTERNAL_CAPACITY = 256;

    private final MpscArrayQueue<Command> requests;
    private final MpscArrayQueue<Command> internal = new MpscArrayQueue<>(INTERNAL_CAPACITY);
    /**
     * Offline only: what did not fit the queue. The render thread submits the score's bundles and takes them, so
     * it must not wait for room; its requests go on here, in order, instead.
     */
    private final ArrayDeque<Command> overflow;
    private final Scheduler scheduler;
    private final EventBudget budget;
    private final RtEvents events;
    private final RtContext context;
    private final WorkerReplies.Runner runner;

    RequestIntake(int capacity, boolean offline, Scheduler scheduler, EventBudget budget, RtEvents events,
            RtContext context, WorkerReplies.Runner runner) {
        requests = new MpscArrayQueue<>(capacity);
        overflow = offline ? new ArrayDeque<>() : null;
        this.scheduler = scheduler;
        this.budget = budget;
        this.events = events;
        this.context = context;
        this.runner = runner;
    }

    /** NRT. Queues one of the engine's own commands; waits up to {@code timeoutMs} for room. False on timeout. */
    boolean submitInternal(Command c, long timeoutMs) {
        return offer(internal, c, timeoutMs);
    }

    /**
     * Network thread. Queues a request, waiting up to {@code timeoutMs} while the queue is full (RT takes requests
     * more slowly than they come: back-pressure to the client). False on timeout or interrupt.
     */
    boolean submit(Command c, long timeoutMs) {
        if (overflow != null) {
            if (!overflow.isEmpty() || !requests.offer(c)) {
                overflow.add(c);
            }
            return true;
        }
        return offer(requests, c, timeoutMs);
    }

    private static boolean offer(MpscArrayQueue<Command> queue, Command c, long timeoutMs) {
        if (queue.offer(c)) {
            return true; // the common case, without reading the clock
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long park = 10_000;
        while (!queue.offer(c)) {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(park);
            park = Math.min(1_000_000, park * 2);
        }
        return true;
    }

    /**
     * RT. Runs the requests queued so far that are due before {@code blockEnd} (late ones too) and schedules the
     * later ones, as long as the event pool admits them; then the engine's own commands. Returns whether it took any
     * request.
     */
    boolean take(long blockEnd) {
        boolean took = false;
        for (Command c = requests.relaxedPeek(); c != null && budget.admitsRequest(c); c = requests.relaxedPeek()) {
            requests.relaxedPoll();
            took = true;
            perform(c, blockEnd);
        }
        if (overflow != null && requests.isEmpty()) {
            for (Command c = overflow.peek(); c != null && budget.admitsRequest(c); c = overflow.peek()) {
                overflow.poll();
                took = true;
                perform(c, blockEnd);
            }
        }
        for (Command c = internal.relaxedPoll(); c != null; c = internal.relaxedPoll()) {
            runner.run(c);
        }
        return took;
    }

    private void perform(Command c, long blockEnd) {
        if (c.time() == Command.NOW || c.time() < blockEnd) {
            runner.run(c);
        } else if (!budget.canSchedule(c)) {
            events.error(c.address(), -1, EngineText.scheduledFull(c.events(), EventBudget.SCHEDULED_EVENTS),
                    c.client());
            c.drop(context);
        } else if (scheduler.add(c)) {
            budget.scheduled(c);
        } else {
            events.error(c.address(), -1, EngineText.schedulerFull(), c.client());
            c.drop(context);
        }
    }

    /** RT. Runs the scheduled commands due before {@code blockEnd}; their events were reserved when scheduled. */
    void runDue(long blockEnd) {
        for (Command c = scheduler.pollDue(blockEnd); c != null; c = scheduler.pollDue(blockEnd)) {
            budget.unscheduled(c);
            runner.run(c);
        }
    }
}
