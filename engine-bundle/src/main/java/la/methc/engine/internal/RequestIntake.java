package la.methc.engine.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.command.Scheduler;
import org.jctools.queues.MpscArrayQueue;

/**
 * Network → RT: the request queue, and how RT takes from it. RT takes a request only when the event pool admits
 * all of its replies (ADR 0012), runs it when due in this block and schedules it otherwise; what it cannot take
 * waits, in order. Submitting: network threads; taking: RT.
 */
final class RequestIntake {

    private final MpscArrayQueue<Command> requests;
    private final Scheduler scheduler;
    private final EventBudget budget;
    private final RtEvents events;
    private final RtContext context;
    private final WorkerReplies.Runner runner;

    RequestIntake(int capacity, Scheduler scheduler, EventBudget budget, RtEvents events, RtContext context,
            WorkerReplies.Runner runner) {
        requests = new MpscArrayQueue<>(capacity);
        this.scheduler = scheduler;
        this.budget = budget;
        this.events = events;
        this.context = context;
        this.runner = runner;
    }

    /** Network thread. Queues a request for RT; false when the queue is full. */
    boolean submit(Command c) {
        return requests.offer(c);
    }

    /**
     * Network thread. Like {@link #submit}, but waits up to {@code timeoutMs} while the queue is full (RT takes
     * requests more slowly than they come: back-pressure to the client). False on timeout.
     */
    boolean submit(Command c, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long park = 10_000;
        while (!requests.offer(c)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(park);
            park = Math.min(1_000_000, park * 2);
        }
        return true;
    }

    /**
     * RT. Runs the requests queued so far that are due before {@code blockEnd} (late ones too) and schedules the
     * later ones, as long as the event pool admits them. Returns whether it took any.
     */
    boolean take(long blockEnd) {
        boolean took = false;
        for (Command c = requests.relaxedPeek(); c != null && budget.admitsRequest(c); c = requests.relaxedPeek()) {
            requests.relaxedPoll();
            took = true;
            if (c.time() == Command.NOW || c.time() < blockEnd) {
                runner.run(c);
            } else if (scheduler.add(c)) {
                budget.scheduled(c);
            } else {
                events.error(c.address(), -1, EngineText.schedulerFull(), c.client());
                c.drop(context);
            }
        }
        return took;
    }

    /** RT. Runs the scheduled commands due before {@code blockEnd}; their events were reserved when scheduled. */
    void runDue(long blockEnd) {
        for (Command c = scheduler.pollDue(blockEnd); c != null; c = scheduler.pollDue(blockEnd)) {
            budget.unscheduled(c);
            runner.run(c);
        }
    }
}
