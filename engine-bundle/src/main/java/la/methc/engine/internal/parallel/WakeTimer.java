package la.methc.engine.internal.parallel;

/**
 * When a DSP helper between runs should spin, park for a while, or park until RT wakes it (ADR 0014). After a run
 * it spins {@link #SPIN_NANOS} (a second run may follow in the same block, and offline runs follow each other at
 * once), then parks until {@link #LEAD_NANOS} before the next block's run is due, judged from the time between
 * the runs it took part in, and spins for it, up to {@link #SPIN_NANOS} past due; when none came, it parks until
 * RT unparks it. A thread woken by RT's unpark alone comes too late to take part (tens to hundreds of µs on this
 * machine). One per helper, used by that helper only.
 */
final class WakeTimer {

    /** Spin for this long after a run, and past the time the next one was due. */
    static final long SPIN_NANOS = 200_000;
    /** Wake this long before the next block's run is due. */
    static final long LEAD_NANOS = 150_000;
    /** Runs further apart than this are not taken for a block period: park until RT wakes us. */
    private static final long MAX_PERIOD_NANOS = 50_000_000;
    /** {@link #next}: spin. */
    static final long SPIN = -1;
    /** {@link #next}: park until unparked. */
    static final long UNTIL_WOKEN = 0;

    private long idleSince = System.nanoTime();
    private long lastAt;
    private long period;
    /** When the next block's run is due; 0: not known. */
    private long expected;

    /** A run handed out at {@code at} ({@link System#nanoTime}) is over for this helper. */
    void ran(long at) {
        if (at - lastAt > SPIN_NANOS) { // not a second run in the same block
            period = at - lastAt;
        }
        lastAt = at;
        expected = period > 0 && period < MAX_PERIOD_NANOS ? at + period : 0;
        idleSince = System.nanoTime();
    }

    /** What to do now, with no run out: {@link #SPIN}, park this many nanoseconds, or {@link #UNTIL_WOKEN}. */
    long next() {
        long now = System.nanoTime();
        if (now - idleSince < SPIN_NANOS) {
            return SPIN;
        }
        if (expected != 0 && now - expected < SPIN_NANOS) {
            long early = expected - LEAD_NANOS - now;
            return early > 0 ? early : SPIN; // due: wait for it, up to SPIN_NANOS past due
        }
        expected = 0; // no run came when due: RT wakes us for the next
        return UNTIL_WOKEN;
    }
}
