package la.methc.engine.internal;

import la.methc.api.WorldCommand;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.notify.WorkerPool;
import org.jctools.queues.MpscArrayQueue;

/**
 * Worker → RT: the results of the engine's own jobs (construct, destroy, perform) in a queue with room for every
 * job that can be in flight, so a worker never waits and nothing is dropped; plugins' WorldCommands and {@code /sync}
 * relays in another, which RT runs as the event pool admits them (ADR 0012). Posting: any thread; running: RT.
 */
final class WorkerReplies {

    /** Runs a command on RT at the block's start. */
    interface Runner {
        void run(Command c);
    }

    private final MpscArrayQueue<Command> results;
    private final MpscArrayQueue<Command> replies;
    private final WorkerPool workers;
    private final JobLedger jobs;
    private final EventBudget budget;
    private final Runner runner;

    WorkerReplies(int maxJobsInFlight, int capacity, WorkerPool workers, JobLedger jobs, EventBudget budget,
            Runner runner) {
        results = new MpscArrayQueue<>(maxJobsInFlight);
        replies = new MpscArrayQueue<>(capacity);
        this.workers = workers;
        this.jobs = jobs;
        this.budget = budget;
        this.runner = runner;
    }

    /** Worker thread. The result of one of the engine's own jobs; false only if the sizing rule was broken. */
    boolean result(WorldCommand result) {
        return post(results, new WorldReply(result, workers.currentOrigin()));
    }

    /** Any thread. A plugin's WorldCommand, carrying the origin of the job that posts it; false when full. */
    boolean plugin(WorldCommand command) {
        return post(replies, new WorldReply(command, workers.currentOrigin()));
    }

    /** The notifier. A {@code /sync} on its way back to RT; false when full (the notifier tries again). */
    boolean relay(Command relay) {
        return post(replies, relay);
    }

    private boolean post(MpscArrayQueue<Command> queue, Command c) {
        if (!queue.offer(c)) {
            return false;
        }
        jobs.replyPosted();
        return true;
    }

    /** RT. The results, then the other replies the event pool admits; the rest wait for the next call. */
    void run() {
        runResults();
        for (Command c = replies.relaxedPeek(); c != null && budget.admitsReply(c.events()); c = replies.relaxedPeek()) {
            replies.relaxedPoll();
            run(c);
        }
    }

    /** RT. The results of the engine's own jobs: their events are in the reserve, so they never wait. */
    void runResults() {
        for (Command c = results.relaxedPoll(); c != null; c = results.relaxedPoll()) {
            run(c);
        }
    }

    private void run(Command c) {
        // jobs handed out while a worker's reply runs continue that worker job's chain (see JobLedger)
        jobs.replyRuns(c instanceof WorldReply r ? r.origin : WorkerPool.NO_ORIGIN);
        runner.run(c);
        jobs.replyDone();
    }
}
