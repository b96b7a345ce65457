package la.methc.engine.internal.agent;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Agent} on a daemon thread of its own: {@code doWork}, then idle by the {@link IdleStrategy}, until
 * closed; then {@code onClose} on the same thread (Agrona's {@code AgentRunner}). Start and close: NRT.
 */
public final class AgentRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

    private final Agent agent;
    private final IdleStrategy idle;
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code threads}: makes the thread from its body (a subclass may carry per-thread state). */
    public AgentRunner(Agent agent, IdleStrategy idle, Function<Runnable, Thread> threads) {
        this.agent = agent;
        this.idle = idle;
        thread = threads.apply(this::run);
        thread.setDaemon(true);
    }

    /** On a plain thread named {@code name}. */
    public AgentRunner(Agent agent, IdleStrategy idle, String name) {
        this(agent, idle, body -> new Thread(body, name));
    }

    public void start() {
        thread.start();
    }

    /** Wakes the thread should it be parked in its idle strategy (a producer calls this). */
    public void wake() {
        LockSupport.unpark(thread);
    }

    private void run() {
        while (running) {
            idle.idle(agent.doWork());
        }
        agent.onClose();
    }

    /** Asks the loop to end; it runs {@code onClose} and ends. */
    public void stop() {
        running = false;
        wake();
    }

    /** Stops the thread and waits up to {@code timeoutMs} for it. */
    public void close(long timeoutMs) {
        stop();
        try {
            thread.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{} did not stop within {} ms", thread.getName(), timeoutMs);
        }
    }

    @Override
    public void close() {
        close(2000);
    }
}
