package la.methc.engine.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import la.methc.api.HostCommand;
import la.methc.engine.internal.notify.RtEvent;
import la.methc.engine.internal.notify.WorkerPool;
import la.methc.engine.internal.osc.Client;

/**
 * The ledger of worker jobs and {@code /sync}s. RT numbers the jobs it hands out and gives each an origin: its
 * own number, or the origin of the job whose reply handed it out. A {@code /sync} waits for every job of an older
 * origin, so for whole chains of work started before it and for nothing started after it. The notifier does the
 * waiting, then RT answers ({@link #synced}). RT only, but {@link #replyPosted} (any thread). The rule in full:
 * {@code docs/adr/0012-back-pressure-and-hold-ownership.md}.
 */
final class JobLedger {

    /** Follow-up jobs remembered for {@code /sync} (power of two); more since a check makes it wait again. */
    static final int FOLLOW_UPS = 4096;
    /** {@code /sync}s decided at the end of a block; more in one block are decided at once. */
    private static final int SYNCS_PER_BLOCK = 256;

    private final RtEvents events;
    /** Jobs the workers have finished. */
    private final LongSupplier completed;
    /** Whether a construct or destroy waits to be handed out again (the slot pool's). */
    private final BooleanSupplier pendingPosts;

    /** Jobs handed out so far: the number of the next one. */
    private long submitted;
    /** The origin of the worker reply running now, {@link WorkerPool#NO_ORIGIN} outside one. */
    private long replyOrigin = WorkerPool.NO_ORIGIN;
    /** Follow-up jobs (origin below their own number), newest at {@code followUps - 1}: a preallocated ring. */
    private final long[] followUpJob = new long[FOLLOW_UPS];
    private final long[] followUpOrigin = new long[FOLLOW_UPS];
    private long followUps;
    private final AtomicLong repliesPosted = new AtomicLong();
    private long repliesRun;
    private final RtEvent[] syncs = new RtEvent[SYNCS_PER_BLOCK];
    private int numSyncs;

    JobLedger(RtEvents events, LongSupplier completed, BooleanSupplier pendingPosts) {
        this.events = events;
        this.completed = completed;
        this.pendingPosts = pendingPosts;
    }

    /**
     * Whether the engine has no asynchronous work outstanding: every job handed out has finished, every reply posted
     * to RT has run, and no job waits to be handed out again. Allocation-free, lock-free.
     */
    boolean settled() {
        // completed first: a job posts its replies before it counts as completed
        return workersDone() && repliesPosted.get() == repliesRun && !pendingPosts.getAsBoolean();
    }

    /** Whether every job handed out has finished (their replies may still wait to run). */
    boolean workersDone() {
        return completed.getAsLong() == submitted;
    }

    /** Any thread. A reply was posted to RT. */
    void replyPosted() {
        repliesPosted.incrementAndGet();
    }

    /** A reply of a job of {@code origin} (or {@link WorkerPool#NO_ORIGIN}) starts to run: jobs it hands out continue its chain. */
    void replyRuns(long origin) {
        repliesRun++;
        replyOrigin = origin;
    }

    /** The reply that ran has returned. */
    void replyDone() {
        replyOrigin = WorkerPool.NO_ORIGIN;
    }

    /** Hands {@code job} to the workers, continuing the chain of the reply that runs now (if any). */
    boolean post(HostCommand job) {
        return post(job, replyOrigin);
    }

    /**
     * Hands {@code job} to a worker through the notifier, numbered {@link #submitted}, with {@code origin} (its own
     * number when {@link WorkerPool#NO_ORIGIN}). False when the notifier's event pool is empty.
     */
    boolean post(HostCommand job, long origin) {
        long n = submitted;
        long o = origin == WorkerPool.NO_ORIGIN || origin > n ? n : origin;
        if (!events.hostCommand(job, o, n)) {
            return false;
        }
        submitted++;
        if (o < n) {
            int i = (int) (followUps++ & (FOLLOW_UPS - 1));
            followUpJob[i] = n;
            followUpOrigin[i] = o;
        }
        return true;
    }

    /** The origin to keep for a job that cannot be posted now: below every barrier decided from now on. */
    long pendingOrigin() {
        return replyOrigin != WorkerPool.NO_ORIGIN ? replyOrigin : submitted - 1;
    }

    /** {@code /sync i:id} from {@code client}: decided at the end of the block ({@link #publishSyncs}). */
    void sync(Client client, int id) {
        RtEvent e = events.obtain(RtEvent.Kind.SYNC);
        if (e == null) {
            return;
        }
        e.client = client;
        e.id = id;
        if (numSyncs < syncs.length) {
            // decided at the end of the block: synths activated by earlier commands may still hand out work
            syncs[numSyncs++] = e;
        } else {
            e.sequence = submitted; // more syncs than slots in one block: the barrier at this point
            events.publish(e);
        }
    }

    /**
     * At the end of the block: when the engine is {@link #settled}, all effects of earlier requests are queued for the notifier, so
     * {@code /synced} follows at once; otherwise each sync is a barrier at the number of jobs handed out, which the
     * notifier waits for.
     */
    void publishSyncs() {
        if (numSyncs == 0) {
            return; // the usual block: no need to ask whether the engine is settled
        }
        boolean settled = settled();
        for (int i = 0; i < numSyncs; i++) {
            RtEvent e = syncs[i];
            syncs[i] = null;
            e.kind = settled ? RtEvent.Kind.SYNCED : RtEvent.Kind.SYNC;
            e.sequence = submitted;
            events.publish(e);
        }
        numSyncs = 0;
    }

    /**
     * A {@code /sync} back from the notifier: no job of origin below {@code barrier} was queued or running when it
     * looked, and the replies those jobs posted have run. {@code /synced} follows, unless those replies handed out
     * jobs of such an origin numbered {@code handedOver} or above, or such a job still waits to be posted
     * ({@code pendingBefore}): then the sync waits again.
     */
    void synced(Client client, int id, long barrier, long handedOver, boolean pendingBefore) {
        RtEvent e = events.obtain(RtEvent.Kind.SYNCED);
        if (e == null) {
            return;
        }
        e.client = client;
        e.id = id;
        if (pendingBefore || followUpSince(handedOver, barrier)) {
            e.kind = RtEvent.Kind.SYNC;
            e.sequence = barrier;
        }
        events.publish(e);
    }

    /** Whether a follow-up job numbered {@code from} or above has an origin below {@code barrier}. */
    private boolean followUpSince(long from, long barrier) {
        long oldest = Math.max(0, followUps - FOLLOW_UPS);
        for (long k = followUps - 1; k >= oldest; k--) {
            int i = (int) (k & (FOLLOW_UPS - 1));
            if (followUpJob[i] < from) {
                return false;
            }
            if (followUpOrigin[i] < barrier) {
                return true;
            }
        }
        // every follow-up the ring remembers is recent; if it forgot older ones, wait once more to be safe
        return followUps > FOLLOW_UPS;
    }
}
