package la.methc.engine.internal.notify;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import la.methc.api.Host;
import la.methc.api.HostCommand;
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
    private final Thread[] threads;
    /** Origin → how many jobs of it are queued or running. Guarded by itself. */
    private final TreeMap<Long, Integer> outstanding = new TreeMap<>();
    private final AtomicLong completed = new AtomicLong();
    private volatile boolean running = true;

    public WorkerPool(int numThreads, int capacity) {
        jobs = new MpmcArrayQueue<>(capacity);
        threads = new Thread[numThreads];
        for (int i = 0; i < numThreads; i++) {
            threads[i] = new WorkerThread(this, this::run, "methcla-worker-" + i);
            threads[i].setDaemon(true);
        }
    }

    /** Starts the threads; the jobs they run get {@code host}. */
    public void start(Host host) {
        this.host = host;
        for (Thread t : threads) {
            t.start();
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
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Any thread. The origin of the job the calling thread runs, or {@link #NO_ORIGIN} when it is not one of
     * this pool's workers (or between jobs).
     */
    public long currentOrigin() {
        return Thread.currentThread() instanceof WorkerThread w && w.pool == this ? w.origin : NO_ORIGIN;
    }

    private void run() {
        WorkerThread self = (WorkerThread) Thread.currentThread();
        while (running) {
            Job job = jobs.poll();
            if (job == null) {
                // submit unparks the workers, so an idle one can sleep long without delaying a job
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
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
        }
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
        running = false;
        wakeAll(); // rather than let each idle worker sleep out its park before it sees the stop
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
