package la.methc.engine.internal.plugin;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plugin commands run one after the other, in the order RT dispatched them, as scsynth's asynchronous commands
 * do: a {@code /buffer/onsets} sent right after a {@code /buffer/read} of the same buffer sees the samples read,
 * and the replies come in the same order. The jobs still go to the worker pool at once (so {@code /sync} counts
 * them as usual); a worker holding a later command waits until the earlier ones are complete, i.e. their
 * Resources released on RT. No deadlock: the pool takes jobs in submission order, so an earlier command's job
 * is always taken before a later one's.
 *
 * <p>Tickets: RT hands them out ({@link #next}; {@link #giveBack} when the dispatch was refused, so none is
 * lost) and marks them complete ({@link #completed}, after the release); workers poll for their turn, backing
 * off to a few milliseconds (RT takes no lock to wake them). Should an earlier command not complete within
 * {@link #PATIENCE_MS} (a lost job, a task that hangs), the later one runs anyway, with a warning. No String
 * constants (RT runs most of it; see {@code resource.JobFailures}).
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
