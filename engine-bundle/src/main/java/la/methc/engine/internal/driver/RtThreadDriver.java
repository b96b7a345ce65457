package la.methc.engine.internal.driver;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import la.methc.engine.internal.sched.RealtimePriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the drivers share: one RT thread named {@value #THREAD_NAME} (daemon, maximum priority) running
 * {@link #loop}, started once, stopped and joined by an idempotent {@link #close()}.
 */
abstract class RtThreadDriver implements AudioDriver {

    /** The name of every driver's RT thread. */
    static final String THREAD_NAME = "methcla-rt";

    private static final Logger LOG = LoggerFactory.getLogger(RtThreadDriver.class);
    private static final long JOIN_TIMEOUT_MS = 10_000;

    private final String name;
    final DriverOptions options;
    /** Read by the loop once per block; cleared by {@link #close()}. */
    volatile boolean running;
    private volatile Thread thread;
    private volatile Throwable failure;
    private boolean started;
    private boolean closed;

    RtThreadDriver(String name, DriverOptions options) {
        this.name = name;
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final DriverOptions options() {
        return options;
    }

    @Override
    public final synchronized void start(AudioCallback callback) {
        Objects.requireNonNull(callback, "callback");
        if (closed) {
            throw new IllegalStateException("the " + name + " driver is closed");
        }
        if (started) {
            throw new IllegalStateException("the " + name + " driver is already started");
        }
        started = true;
        running = true;
        Thread t = new Thread(() -> run(callback), THREAD_NAME);
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
    }

    private void run(AudioCallback callback) {
        try {
            new RealtimePriority(options.rtPriority()).applyToCurrentThread(LOG, name + " driver: ");
            loop(callback);
        } catch (Throwable e) {
            failure = e;
            LOG.error("{} driver: the RT thread failed, audio stopped", name, e);
            failed(e);
        } finally {
            running = false;
        }
    }

    /** RT. Calls {@code callback} once per block while {@link #running}. */
    abstract void loop(AudioCallback callback) throws Exception;

    /** RT thread, once, after {@link #loop} threw. */
    void failed(Throwable error) {
    }

    /** Closing thread: makes a loop blocked in I/O or a park return soon. */
    void wake(Thread rt) {
        LockSupport.unpark(rt);
    }

    /** Closing thread, once, after the RT thread ended (or was never started): releases resources. */
    void release() {
    }

    /** Whether the RT thread is running. */
    public final boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** What ended the RT thread, if it failed; else null. */
    public final Throwable failure() {
        return failure;
    }

    /** Stops the RT thread and waits for it to end (up to 10 s); idempotent; callable from any thread. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        Thread t = thread;
        if (t != null) {
            wake(t);
            if (t != Thread.currentThread()) {
                join(t);
            }
        }
        release();
    }

    private void join(Thread t) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_TIMEOUT_MS);
        try {
            while (t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("{} driver: the RT thread did not end within {} ms", name, JOIN_TIMEOUT_MS);
                    return;
                }
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
