package la.methc.bench.soak;

/**
 * One row of the soak's table, taken at a quiescent point (every lane between two lifecycles): what the lanes
 * did since the previous row, what {@code /status} says ({@code lateBlocks} since the server started), and the
 * server process. -1: could not be read.
 */
record Sample(int minute, long resourceLifecycles, long nodeLifecycles, long refusals, long errors, long lost,
        int synths, int groups, int resources, int lateBlocks, long heapKiB, long rssKiB, long threads) {

    /** Nothing of the lanes left in the engine: no synth, only the root group, no Resource. */
    boolean quiescent() {
        return synths == 0 && groups == 1 && resources == 0;
    }

    static String header() {
        return String.format("%6s %9s %9s %8s %6s %5s %6s %6s %9s %6s %9s %8s %7s", "minute", "res/min", "node/min",
                "refused", "errors", "lost", "synths", "groups", "resources", "late Σ", "heap MiB", "RSS MiB",
                "threads");
    }

    String row() {
        return String.format("%6d %9d %9d %8d %6d %5d %6d %6d %9d %6d %9s %8s %7d", minute, resourceLifecycles,
                nodeLifecycles, refusals, errors, lost, synths, groups, resources, lateBlocks, mib(heapKiB),
                mib(rssKiB), threads);
    }

    private static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format("%.1f", kib / 1024.0);
    }
}
