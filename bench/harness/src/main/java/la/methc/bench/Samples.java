package la.methc.bench;

import java.util.Arrays;
import java.util.List;

/** Round-trip times in milliseconds, summarised as percentiles (nearest rank). */
final class Samples {

    /**
     * The median of the rounds' {@code q}-quantiles: a round that a burst of other work on the machine spoilt
     * moves it less than it moves the quantile of all samples pooled.
     */
    static double medianOfRounds(List<Samples> rounds, double q) {
        if (rounds.isEmpty()) {
            throw new IllegalStateException("no rounds");
        }
        double[] each = rounds.stream().mapToDouble(r -> r.quantile(q)).sorted().toArray();
        int m = each.length / 2;
        return each.length % 2 == 1 ? each[m] : (each[m - 1] + each[m]) / 2;
    }

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
