package la.methc.engine.internal.parallel;

/**
 * What the helpers of a {@link ParallelSynths} cost RT: the runs handed out, the blocks in which RT waited for a
 * helper, how long in all and at most. RT is the only writer (plain increments of volatiles); any thread reads.
 */
final class RunStats {

    private volatile long runs;
    private volatile long waits;
    private volatile long waitedNanos;
    private volatile long longestWaitNanos;

    /** RT: a run handed out. */
    void handedOut() {
        runs = runs + 1;
    }

    /** RT: a block in which it waited {@code nanos} for a helper. */
    void waited(long nanos) {
        waits = waits + 1;
        waitedNanos = waitedNanos + nanos;
        if (nanos > longestWaitNanos) {
            longestWaitNanos = nanos;
        }
    }

    long runs() {
        return runs;
    }

    long waits() {
        return waits;
    }

    long longestWaitNanos() {
        return longestWaitNanos;
    }

    /** NRT, at close: said in the log. */
    void log(int threads) {
        ParallelText.logWaits(threads, runs, waits, waitedNanos, longestWaitNanos);
    }
}
