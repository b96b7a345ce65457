package la.methc.engine.internal.plugin;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes plugin commands run one after the other, in the order RT dispatched them, as scsynth's asynchronous
 * commands do. RT hands out tickets ({@link #next}, or {@link #giveBack} for a refused dispatch) and marks them
 * complete ({@link #completed}); a worker polls until its turn comes, or runs anyway, with a warning, after
 * {@link #PATIENCE_MS}. No String constants: RT runs most of it (see {@code resource.JobFailures}). Why it cannot
 * deadlock: {@code docs/osc-api.md}, "Plugin commands".
 */
public final class CommandOrder {

    /** How long a command waits for the ones before it. */
    static final long PATIENCE_MS = 60_000;
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** RT only. */
    private long nextTicket;
    /** Every ticket below it is complete. Written by RT only. */
    private final AtomicLong turn = new AtomicLong();

    /** RT. The ticket of the next dispatch. */
    long next() {
        return nextTicket++;
    }

    /** RT. The dispatch that took the last ticket was refused: nobody will run it. */
    void giveBack() {
        nextTicket--;
    }

    /** RT. The command with {@code ticket} is complete (its Resources released): the next may run. */
    void completed(long ticket) {
        if (turn.get() <= ticket) {
            turn.set(ticket + 1);
        }
    }

    /**
     * Worker. Waits until every command with a smaller ticket is complete.
     *
     * @return false when it gave up waiting (patience or interrupt): the command runs out of order
     */
    boolean awaitTurn(long ticket) {
        if (turn.get() >= ticket) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
        long backoff = 20_000;
        while (turn.get() < ticket) {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(backoff);
            backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
        }
        return true;
    }
}
