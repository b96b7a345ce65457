package la.methc.bench;

import java.util.Arrays;

/** Round-trip times in milliseconds, summarised as percentiles (nearest rank). */
final class Samples {

    private final double[] ms;
    private int n;

    Samples(int capacity) {
        ms = new double[capacity];
    }

    void add(long nanos) {
        ms[n++] = nanos / 1e6;
    }

    int count() {
        return n;
    }

    /** The {@code q}-quantile, 0 < q ≤ 1: the smallest sample with at least q·n samples at or below it. */
    double quantile(double q) {
        if (n == 0) {
            throw new IllegalStateException("no samples");
        }
        double[] sorted = Arrays.copyOf(ms, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }
}
