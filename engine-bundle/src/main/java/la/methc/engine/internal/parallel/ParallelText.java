package la.methc.engine.internal.parallel;

/**
 * The text of this package's errors and thread names: a cold helper, so that {@link ParallelSynths} and
 * {@link IsolatedWorld}, whose methods RT and the render threads run every block, hold no String constant that a
 * C2 compile would resolve (allocate) on those threads. Construction and error paths only.
 */
final class ParallelText {

    private ParallelText() {
    }

    static String tooFewThreads(int threads) {
        return "parallel rendering needs at least 2 threads: " + threads;
    }

    static String runTooShort(int minRun) {
        return "a parallel run needs at least 2 synths: " + minRun;
    }

    static String helperName(int index) {
        return "methcla-render-" + index;
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
