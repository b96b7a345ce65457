package la.methc.engine.internal.parallel;

import la.methc.engine.internal.sched.RealtimePriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of this package's errors and thread names: a cold helper, so that {@link ParallelSynths} and
 * {@link IsolatedWorld}, whose methods RT and the render threads run every block, hold no String constant that a
 * C2 compile would resolve (allocate) on those threads. Construction and error paths only.
 */
final class ParallelText {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelSynths.class);
    private static final Logger GROUPS = LoggerFactory.getLogger(ParallelGroups.class);

    private ParallelText() {
    }

    static String tooFewThreads(int threads) {
        return "spreading synths needs 2 to 1023 threads: " + threads;
    }

    static String runTooShort(int minRun) {
        return "a parallel run needs at least 2 synths: " + minRun;
    }

    static String helperName(boolean live, int index) {
        return (live ? "methcla-dsp-" : "methcla-render-") + index;
    }

    /** NRT, at close: how many runs the helpers shared, and how long RT waited for a late one. */
    static void logWaits(int threads, long runs, long waits, long waitedNanos, long longestNanos) {
        if (runs == 0) {
            LOG.debug("{} synth threads: no run was long enough to spread", threads);
        } else if (waits == 0) {
            LOG.info("{} synth threads: {} runs handed out, RT never waited for a helper", threads, runs);
        } else {
            LOG.info("{} synth threads: {} runs handed out; RT waited for the helpers' chunks and mixing in {} blocks,"
                    + " {} µs on average, at most {} µs", threads, runs, waits, waitedNanos / waits / 1000,
                    longestNanos / 1000);
        }
    }

    /** A helper at its start: asks for its real-time priority and says whether it got it. */
    static boolean applyPriority(RealtimePriority priority) {
        return priority.applyToCurrentThread(LOG, "").granted();
    }

    /** NRT, at close: how many groups went out to the helpers, how often one made RT wait or broke its contract. */
    static void logGroups(int threads, long handedOut, long waits, long longestNanos, long conflicts) {
        if (handedOut > 0) {
            GROUPS.info("{} synth threads: the children of {} parallel groups handed out; RT waited for a helper in {}"
                    + " blocks, at most {} µs", threads, handedOut, waits, longestNanos / 1000);
        }
        if (conflicts > 0) {
            GROUPS.warn("parallel groups: in {} blocks a child read a bus a sibling wrote; those blocks ran the "
                    + "children in order on RT", conflicts);
        }
    }

    static String otherSynthDone() {
        return "an isolated synth's process may not call World.synthDone for another synth";
    }

    /** The World calls an isolated synth may not make, by name. */
    static String notIsolated(int call) {
        String name = switch (call) {
            case PERFORM_COMMAND -> "performCommand";
            case ACQUIRE -> "acquire";
            case STATUS -> "status";
            case RELEASE -> "release";
            default -> "performWithResources";
        };
        return "an isolated synth's process may not call World." + name;
    }

    static final int PERFORM_COMMAND = 0;
    static final int ACQUIRE = 1;
    static final int STATUS = 2;
    static final int RELEASE = 3;
    static final int PERFORM_WITH_RESOURCES = 4;
}
