package la.methc.bench;

/**
 * Where the dropout search goes next, apart from the server (so that it is tested alone): from a first count it
 * climbs by a quarter while windows pass, steps down by a quarter while they fail, and once it has a passing and a
 * failing count it halves the gap between them, in tens, until the gap is at most {@code minStep} or the windows
 * are used up. The figure is the most voices that passed (0 when none did).
 */
final class DropoutLadder {

    private final int minStep;
    private final int max;
    private int windowsLeft;
    private int best;
    /** The fewest voices that failed, or {@link Integer#MAX_VALUE} while none has. */
    private int failed = Integer.MAX_VALUE;
    private int current;

    /**
     * @param first the first count tried (e.g. the voices of the 80% load figure), at least {@code minStep}
     * @param minStep the finest step, in voices
     * @param max the most voices ever tried
     * @param windows the most windows measured
     */
    DropoutLadder(int first, int minStep, int max, int windows) {
        if (minStep < 1 || max < minStep || windows < 1) {
            throw new IllegalArgumentException("minStep " + minStep + ", max " + max + ", windows " + windows);
        }
        this.minStep = minStep;
        this.max = max;
        this.windowsLeft = windows;
        this.current = Math.min(max, Math.max(minStep, tens(first)));
    }

    /** The count the next window measures. */
    int current() {
        return current;
    }

    /** The most voices that passed so far. */
    int best() {
        return best;
    }

    /**
     * Records the window at {@link #current()}: whether it had no more late blocks than the quiet window.
     *
     * @return whether the search goes on (then {@link #current()} is the next count)
     */
    boolean record(boolean passed) {
        windowsLeft--;
        if (passed) {
            best = Math.max(best, current);
        } else {
            failed = Math.min(failed, current);
        }
        if (windowsLeft == 0) {
            return false;
        }
        int next;
        if (failed == Integer.MAX_VALUE) {
            next = Math.min(max, best + Math.max(minStep, tens(best / 4)));
        } else if (best == 0) {
            next = failed - Math.max(minStep, tens(failed / 4));
        } else {
            next = best + tens((failed - best) / 2);
        }
        if (next <= 0 || next <= best || next >= failed || failed - best <= minStep) {
            return false;
        }
        current = next;
        return true;
    }

    private static int tens(int voices) {
        return voices / 10 * 10;
    }
}
