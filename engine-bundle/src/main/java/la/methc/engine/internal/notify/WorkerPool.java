package la.methc.engine.internal.notify;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import org.jctools.queues.MpmcArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads (NRT) running {@link HostCommand}s in submission order. Tracks which jobs have finished
 * so a {@code /sync} can wait for all work submitted before it.
 */
public final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final long IDLE = Long.MAX_VALUE;

    private final MpmcArrayQueue<HostCommand> jobs;
    private final Host host;
    private final Thread[] threads;
    private final long[] inFlight;
    private final Object takeLock = new Object();
    private long taken;
    private final java.util.concurrent.atomic.AtomicLong completed = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running = true;

    public WorkerPool(int numThreads, int capacity, Host host) {
        jobs = new MpmcArrayQueue<>(capacity);
        this.host = host;
        threads = new Thread[numThreads];
        inFlight = new long[numThreads];
        for (int i = 0; i < numThreads; i++) {
            int index = i;
            inFlight[i] = IDLE;
            threads[i] = new Thread(() -> run(index), "methcla-worker-" + i);
            threads[i].setDaemon(true);
        }
    }

    public void start() {
        for (Thread t : threads) {
            t.start();
        }
    }

    /** Any thread, RT included (no allocation, no lock). False when the queue is full. */
    public boolean submit(HostCommand job) {
        return jobs.offer(job);
    }

    private void run(int index) {
        int idle = 0;
        while (running) {
            HostCommand job;
            synchronized (takeLock) {
                // poll and numbering under one lock, so job n is the n-th submitted
                job = jobs.poll();
                if (job != null) {
                    inFlight[index] = taken++;
                }
            }
            if (job == null) {
                idle = Backoff.idle(idle);
                continue;
            }
            idle = 0;
            try {
                job.perform(host);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("worker job {} failed", job, e);
            } finally {
                synchronized (takeLock) {
                    inFlight[index] = IDLE;
                }
                completed.incrementAndGet();
            }
        }
    }

    /** Any thread, RT included (a volatile read). Jobs finished so far. */
    public long completed() {
        return completed.get();
    }

    /** NRT. True once every job among the first {@code count} submitted has finished. */
    public boolean finished(long count) {
        synchronized (takeLock) {
            if (taken < count && !jobs.isEmpty()) {
                return false;
            }
            for (long seq : inFlight) {
                if (seq < count) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops the threads after the queue is drained, waiting up to {@code timeoutMs}. */
    public void close(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!jobs.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
        running = false;
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
