package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import la.methc.api.HostCommand;
import la.methc.engine.internal.notify.EventChannel;
import la.methc.engine.internal.notify.RtEvent;
import org.junit.jupiter.api.Test;

/** The job and {@code /sync} ledger alone: no node tree, no workers, the notifier's side read by the test. */
class JobLedgerTest {

    private final EventBudget budget = new EventBudget(EngineOptions.from(Map.of("driver", "offline",
            "render.score", "-", "render.out", "-", "maxNodes", "4", "maxResources", "4")::get));
    private final EventChannel channel = budget.channel();
    private final AtomicLong completed = new AtomicLong();
    private final JobLedger jobs = new JobLedger(new RtEvents(budget), completed::get, () -> false);
    private static final HostCommand JOB = host -> { };

    private RtEvent next() {
        return channel.poll();
    }

    @Test
    void aSyncWithNothingOutstandingIsAnsweredAtTheEndOfTheBlock() {
        jobs.sync(null, 7);
        assertEquals(null, next(), "decided at the end of the block");
        jobs.publishSyncs();
        RtEvent e = next();
        assertEquals(RtEvent.Kind.SYNCED, e.kind);
        assertEquals(7, e.id);
    }

    @Test
    void aSyncWaitsForTheJobsHandedOutBeforeIt() {
        assertTrue(jobs.post(JOB));
        assertTrue(jobs.post(JOB));
        assertEquals(RtEvent.Kind.HOST_COMMAND, next().kind);
        RtEvent second = next();
        assertEquals(1, second.job, "numbered in the order handed out");
        assertEquals(1, second.sequence, "its own origin");
        jobs.sync(null, 3);
        jobs.publishSyncs();
        RtEvent sync = next();
        assertEquals(RtEvent.Kind.SYNC, sync.kind, "not settled: a barrier for the notifier");
        assertEquals(2, sync.sequence, "the barrier: both jobs");
        completed.set(2);
        assertTrue(jobs.settled());
    }

    @Test
    void aJobHandedOutByAReplyContinuesItsChainAndHoldsTheSyncBack() {
        assertTrue(jobs.post(JOB)); // job 0
        next();
        completed.set(1);
        jobs.replyPosted();
        jobs.replyRuns(0); // job 0's reply runs and hands out job 1, of origin 0
        assertTrue(jobs.post(JOB));
        jobs.replyDone();
        RtEvent followUp = next();
        assertEquals(1, followUp.job);
        assertEquals(0, followUp.sequence, "the chain's origin");
        // a sync with barrier 1, relayed when the notifier saw job 0 done but before job 1 was handed over
        jobs.synced(null, 9, 1, 1, false);
        RtEvent e = next();
        assertEquals(RtEvent.Kind.SYNC, e.kind, "job 1 is of origin 0 and came after: wait again");
        assertEquals(1, e.sequence);
        jobs.synced(null, 9, 1, 2, false);
        assertEquals(RtEvent.Kind.SYNCED, next().kind, "once job 1 was handed over too");
        jobs.synced(null, 9, 1, 2, true);
        assertEquals(RtEvent.Kind.SYNC, next().kind, "a job of such an origin waits to be posted");
    }

    @Test
    void theReplyCountsMatchOnlyOnceEveryPostedReplyRan() {
        jobs.replyPosted();
        assertFalse(jobs.settled());
        jobs.replyRuns(-1);
        jobs.replyDone();
        assertTrue(jobs.settled());
    }
}
