package la.methc.engine.internal;

import java.util.concurrent.atomic.AtomicLong;
import la.methc.api.WorldCommand;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.notify.WorkerPool;
import org.jctools.queues.MpscArrayQueue;

/**
 * Worker → RT: the results of the engine's own jobs (construct, destroy, perform) in a queue with room for every
 * job that can be in flight, so a worker never waits and nothing is dropped; plugins' WorldCommands and {@code /sync}
 * relays in another, which RT runs as the event pool admits them (ADR 0012). RT runs both in the order they were
 * posted: a job's WorldCommands before its result. Posting: any thread; running: RT.
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
    private final AtomicLong posts = new AtomicLong();

    WorkerReplies(int maxJobsInFlight, int capacity, WorkerPool workers, JobLedger jobs, EventBudget budget,
            Runner runner) {
        this(new MpscArrayQueue<>(maxJobsInFlight), new MpscArrayQueue<>(capacity), workers, jobs, budget, runner);
    }

    /** With the two queues given: tests put a hook between RT's two peeks. */
    WorkerReplies(MpscArrayQueue<Command> results, MpscArrayQueue<Command> replies, WorkerPool workers,
            JobLedger jobs, EventBudget budget, Runner runner) {
        this.results = results;
        this.replies = replies;
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
    boolean relay(PostedReply relay) {
        return post(replies, relay);
    }

    private boolean post(MpscArrayQueue<Command> queue, PostedReply c) {
        c.posted = posts.getAndIncrement();
        if (!queue.offer(c)) {
            return false;
        }
        jobs.replyPosted();
        return true;
    }

    /**
     * RT. Runs what was posted, oldest first: a result whenever it is older than the next other reply (its events
     * are in the reserve), another reply when the event pool admits it; stops at one it does not.
     */
    void run() {
        while (true) {
            Command result = results.relaxedPeek();
            Command reply = replies.relaxedPeek();
            if (result == null && reply != null) {
                // a result posted before this reply (a worker's, then the /sync relay that waited for it) may have
                // come between the two peeks; it is queued before the reply, so a second look sees it (the check
                // below would keep the order too, but hold both back until the next call)
                result = results.relaxedPeek();
            }
            if (result == null && !results.isEmpty() || reply == null && !replies.isEmpty()) {
                // a post is under way (its slot taken, the command not yet written; two workers post results): it
                // may be older than the other head, so everything waits for the next call
                return;
            }
            if (reply == null && result == null) {
                return;
            }
            if (reply == null || result != null && ((PostedReply) result).posted < ((PostedReply) reply).posted) {
                results.relaxedPoll();
                run(result);
            } else if (budget.admitsReply(reply.events())) {
                replies.relaxedPoll();
                run(reply);
            } else {
                return; // what came after it waits for the next call, in order
            }
        }
    }

    private void run(Command c) {
        // jobs handed out while a worker's reply runs continue that worker job's chain (see JobLedger)
        jobs.replyRuns(c instanceof WorldReply r ? r.origin : WorkerPool.NO_ORIGIN);
        runner.run(c);
        jobs.replyDone();
    }
}
