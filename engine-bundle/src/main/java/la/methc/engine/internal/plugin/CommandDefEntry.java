package la.methc.engine.internal.plugin;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import la.methc.api.CommandDef;

/**
 * A bound CommandDef service and its tasks in flight: from the RT dispatch to the end of the task on a
 * worker. When its bundle leaves, {@link #retire} makes RT refuse commands of it that were accepted but not
 * dispatched yet (e.g. time-tagged ones), and waits for those in flight, so the bundle's classes stay valid
 * while they run. No String constants: {@link #enter} and {@link #exit} run on RT (see
 * {@code resource.JobFailures}).
 */
public final class CommandDefEntry {

    private final CommandDef def;
    private final String address;
    private final String retiredReason;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean retired;

    public CommandDefEntry(CommandDef def, String address, String retiredReason) {
        this.def = def;
        this.address = address;
        this.retiredReason = retiredReason;
    }

    public CommandDef def() {
        return def;
    }

    /** The address, read once when bound. */
    public String address() {
        return address;
    }

    /** The {@code /error} reason for a command refused because its def left. */
    String retiredReason() {
        return retiredReason;
    }

    /**
     * RT. A task is about to be dispatched: counts it, unless the def is retired (false). Counting first and
     * checking after, against retire's set-then-wait, means one of the two always sees the other.
     */
    boolean enter() {
        inFlight.incrementAndGet();
        if (retired) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    /** RT (a refused dispatch) or worker (a finished task). */
    void exit() {
        inFlight.decrementAndGet();
    }

    /** Any thread. Tasks dispatched and not finished. */
    public int inFlight() {
        return inFlight.get();
    }

    public boolean isRetired() {
        return retired;
    }

    /**
     * NRT (the thread unbinding the service). Refuses further dispatches and waits up to {@code timeoutMs} for
     * the tasks in flight to finish.
     *
     * @return whether they all finished in time
     */
    public boolean retire(long timeoutMs) {
        retired = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (inFlight.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
