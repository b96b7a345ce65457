package la.methc.engine.internal.notify;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.engine.internal.agent.AgentRunner;
import la.methc.engine.internal.agent.IdleStrategy;
import org.jctools.queues.MpmcArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads (NRT) running {@link HostCommand}s handed over by the notifier. Tracks which jobs are still
 * queued or running, by origin, so a {@code /sync} can wait for all work that counts for it.
 *
 * <p>Each job carries its <em>origin</em>, a job number the RT thread gave it (see {@code Engine}): its own
 * number, or the origin of the job whose reply handed it out. While a worker runs a job,
 * {@link #currentOrigin()} tells the engine that origin, so the replies the job posts (and the jobs they hand
 * out on RT) keep counting for the {@code /sync}s the first job of the chain counted for.
 */
public final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    /** What {@link #currentOrigin()} answers outside a job. */
    public static final long NO_ORIGIN = Long.MIN_VALUE;
    /** The longest an idle worker sleeps: {@link #submit} wakes it, this only bounds a lost wake-up. */
    private static final long IDLE_PARK_NANOS = 10_000_000;

    /** A job and its origin, as the notifier hands it over. */
    private record Job(HostCommand command, long origin) {
    }

    /** A worker thread; {@code origin} is that of the job it runs (written and read on this thread only). */
    private static final class WorkerThread extends Thread {
        final WorkerPool pool;
        long origin = NO_ORIGIN;

        WorkerThread(WorkerPool pool, Runnable body, String name) {
            super(body, name);
            this.pool = pool;
        }
    }

    private final MpmcArrayQueue<Job> jobs;
    /** What the jobs get; set by {@link #start}, before any thread runs (Thread.start orders it). */
    private Host host;
    private final AgentRunner[] runners;
    /** Origin → how many jobs of it are queued or running. Guarded by itself. */
    private final TreeMap<Long, Integer> outstanding = new TreeMap<>();
    private final AtomicLong completed = new AtomicLong();

    public WorkerPool(int numThreads, int capacity) {
        jobs = new MpmcArrayQueue<>(capacity);
        runners = new AgentRunner[numThreads];
        for (int i = 0; i < numThreads; i++) {
            String name = "methcla-worker-" + i;
            // submit wakes the workers, so an idle one can sleep long without delaying a job
            runners[i] = new AgentRunner(this::runOne, IdleStrategy.parking(IDLE_PARK_NANOS),
                    body -> new WorkerThread(this, body, name));
        }
    }

    /** Starts the threads; the jobs they run get {@code host}. */
    public void start(Host host) {
        this.host = host;
        for (AgentRunner r : runners) {
            r.start();
        }
    }

    /**
     * Notifier thread (it allocates and locks). Queues {@code job}, which counts for the syncs whose barrier
     * is above {@code origin}; false when the queue is full.
     */
    public boolean submit(HostCommand job, long origin) {
        synchronized (outstanding) {
            // counted and queued under the lock: a worker cannot finish it before it is counted
            if (!jobs.offer(new Job(job, origin))) {
                return false;
            }
            outstanding.merge(origin, 1, Integer::sum);
        }
        wakeAll(); // idle workers sleep until woken (see run)
        return true;
    }

    private void wakeAll() {
        for (AgentRunner r : runners) {
            r.wake();
        }
    }

    /**
     * Any thread. The origin of the job the calling thread runs, or {@link #NO_ORIGIN} when it is not one of
     * this pool's workers (or between jobs).
     */
    public long currentOrigin() {
        return Thread.currentThread() instanceof WorkerThread w && w.pool == this ? w.origin : NO_ORIGIN;
    }

    /** A worker's thread: runs one job if there is one; returns how many it ran. */
    private int runOne() {
        Job job = jobs.poll();
        if (job == null) {
            return 0;
        }
        WorkerThread self = (WorkerThread) Thread.currentThread();
        self.origin = job.origin();
        try {
            job.command().perform(host);
        } catch (Throwable e) {
            // often plugin code (World.performCommand): even an Error must not cost the pool a worker
            LOG.error("worker job {} failed", job.command(), e);
        } finally {
            self.origin = NO_ORIGIN;
            synchronized (outstanding) {
                outstanding.computeIfPresent(job.origin(), (o, n) -> n == 1 ? null : n - 1);
            }
            completed.incrementAndGet();
        }
        return 1;
    }

    /** Any thread, RT included (a volatile read). Jobs finished so far. */
    public long completed() {
        return completed.get();
    }

    /**
     * NRT. True once no job of origin below {@code barrier} is queued or running. What such a job posted to
     * RT was posted before it finished, so it is ahead of anything the caller posts after this answer.
     */
    public boolean finishedBefore(long barrier) {
        synchronized (outstanding) {
            return outstanding.isEmpty() || outstanding.firstKey() >= barrier;
        }
    }

    /** Stops the threads after the queue is drained, waiting up to {@code timeoutMs}. */
    public void close(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!jobs.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
        for (AgentRunner r : runners) {
            r.stop(); // wakes it too, rather than let an idle worker sleep out its park before it sees the stop
        }
        for (AgentRunner r : runners) {
            r.close(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
