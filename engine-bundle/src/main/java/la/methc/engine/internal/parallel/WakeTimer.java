package la.methc.engine.internal.parallel;

/**
 * When a DSP helper between runs should spin, park for a while, or park until RT wakes it (ADR 0014). After a run
 * it spins {@link #SPIN_NANOS} (a second run may follow in the same block, and offline runs follow each other at
 * once), then parks until {@link #LEAD_NANOS} before the next block's run is due, judged from the time between
 * the runs it took part in, and spins for it, up to {@link #SPIN_NANOS} past due; when none came, it parks until
 * RT unparks it. A thread woken by RT's unpark alone comes too late to take part (tens to hundreds of µs on this
 * machine).
 *
 * <p>A helper at real-time priority also <em>breathes</em>: awake (computing or spinning) for
 * {@link #BREATHE_AFTER_NANOS} since it last parked, it parks {@link #BREATHE_NANOS} instead of spinning on. Linux
 * lets normal threads that a real-time thread keeps off a CPU catch up in one go, about 50 ms once a second (the
 * fair server; on older kernels, real-time throttling at 95% of a second): a helper that spun through whole blocks
 * at high load stopped for about 49 ms each second, and RT waited for it. Short, regular gaps let those threads run
 * in them instead (ADR 0014). Times are {@link System#nanoTime} values the caller passes. One per helper, used by
 * that helper only.
 */
final class WakeTimer {

    /** Spin for this long after a run, and past the time the next one was due. */
    static final long SPIN_NANOS = 200_000;
    /** Wake this long before the next block's run is due. */
    static final long LEAD_NANOS = 150_000;
    /** A real-time helper awake this long parks for {@link #BREATHE_NANOS} before it spins again. */
    static final long BREATHE_AFTER_NANOS = 1_000_000;
    /** How long a real-time helper breathes: a gap in which the CPU's normal threads run. */
    static final long BREATHE_NANOS = 30_000;
    /** Runs further apart than this are not taken for a block period: park until RT wakes us. */
    private static final long MAX_PERIOD_NANOS = 50_000_000;
    /** {@link #next}: spin. */
    static final long SPIN = -1;
    /** {@link #next}: park until unparked. */
    static final long UNTIL_WOKEN = 0;

    private final boolean breathes;
    private long idleSince;
    private long awakeSince;
    private long lastAt;
    private long period;
    /** When the next block's run is due; 0: not known. */
    private long expected;

    /** @param breathes whether the helper runs at real-time priority and must leave its CPU gaps */
    WakeTimer(boolean breathes, long now) {
        this.breathes = breathes;
        idleSince = now;
        awakeSince = now;
    }

    /** A run handed out at {@code at} is over for this helper at {@code now}. */
    void ran(long at, long now) {
        if (at - lastAt > SPIN_NANOS) { // not a second run in the same block
            period = at - lastAt;
        }
        lastAt = at;
        expected = period > 0 && period < MAX_PERIOD_NANOS ? at + period : 0;
        idleSince = now;
    }

    /** The helper parked and is back at {@code now}. */
    void woke(long now) {
        awakeSince = now;
    }

    /** What to do now, with no run out: {@link #SPIN}, park this many nanoseconds, or {@link #UNTIL_WOKEN}. */
    long next(long now) {
        long wait = plan(now);
        if (wait == SPIN && breathes && now - awakeSince >= BREATHE_AFTER_NANOS) {
            return BREATHE_NANOS;
        }
        return wait;
    }

    private long plan(long now) {
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
