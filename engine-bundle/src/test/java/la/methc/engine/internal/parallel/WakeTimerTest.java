package la.methc.engine.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A helper's idle plan between runs, with the times given by hand (µs written out as nanoseconds). */
class WakeTimerTest {

    private static final long T0 = 5_000_000_000L;
    /** 64 frames at 48 kHz. */
    private static final long PERIOD = 1_333_333;

    @Test
    void spinsAfterARunThenParksUntilWokenWhileNoPeriodIsKnown() {
        WakeTimer timer = new WakeTimer(false, T0);
        timer.ran(T0 + 10_000, T0 + 60_000);
        assertEquals(WakeTimer.SPIN, timer.next(T0 + 60_000));
        assertEquals(WakeTimer.SPIN, timer.next(T0 + 259_000));
        assertEquals(WakeTimer.UNTIL_WOKEN, timer.next(T0 + 261_000));
    }

    /**
     * A timer that took part in two runs a block period apart, checked to park, 300 µs after the second, until
     * {@link WakeTimer#LEAD_NANOS} before the third is due.
     */
    private static WakeTimer afterTwoRuns(boolean breathes) {
        WakeTimer timer = new WakeTimer(breathes, T0);
        timer.ran(T0, T0 + 50_000);
        timer.ran(T0 + PERIOD, T0 + PERIOD + 50_000);
        long now = T0 + PERIOD + 300_000;
        assertEquals(T0 + 2 * PERIOD - WakeTimer.LEAD_NANOS - now, timer.next(now));
        return timer;
    }

    @Test
    void parksUntilJustBeforeTheNextBlockIsDueThenSpinsForIt() {
        WakeTimer timer = afterTwoRuns(false);
        long due = T0 + 2 * PERIOD;
        assertEquals(WakeTimer.SPIN, timer.next(due - 100_000));
        assertEquals(WakeTimer.SPIN, timer.next(due + 199_000));
        // not come 200 µs past due: RT wakes us for the next one
        assertEquals(WakeTimer.UNTIL_WOKEN, timer.next(due + 201_000));
    }

    @Test
    void aRealTimeHelperAwakeForAMillisecondBreathesInsteadOfSpinning() {
        WakeTimer timer = new WakeTimer(true, T0);
        // a run that kept it busy 1.1 ms since it last parked
        timer.ran(T0 + 5_000, T0 + 1_100_000);
        assertEquals(WakeTimer.BREATHE_NANOS, timer.next(T0 + 1_100_000));
        timer.woke(T0 + 1_140_000);
        assertEquals(WakeTimer.SPIN, timer.next(T0 + 1_150_000));
        // spinning on for a whole millisecond since it woke: another breath
        timer.ran(T0 + 1_200_000, T0 + 2_100_000);
        assertEquals(WakeTimer.SPIN, timer.next(T0 + 2_130_000));
        assertEquals(WakeTimer.BREATHE_NANOS, timer.next(T0 + 2_140_000));
    }

    @Test
    void aHelperAtNormalPriorityNeverBreathes() {
        WakeTimer timer = new WakeTimer(false, T0);
        timer.ran(T0 + 5_000, T0 + 1_100_000);
        assertEquals(WakeTimer.SPIN, timer.next(T0 + 1_100_000));
        assertEquals(WakeTimer.SPIN, timer.next(T0 + 1_299_000));
    }

    @Test
    void aBreathNeverShortensAParkTheTimerPlanned() {
        WakeTimer timer = afterTwoRuns(true);
        assertEquals(WakeTimer.UNTIL_WOKEN, timer.next(T0 + 3 * PERIOD));
    }
}
