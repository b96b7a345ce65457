package la.methc.bench.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a soak passed: every lifecycle answered (no lost reply, no unexpected {@code /error}), the engine
 * empty at every quiescent point, and no growth from the first third of the minutes to the last in the heap
 * after GC (beyond {@value #HEAP_SLACK_KIB} KiB or {@value #HEAP_SLACK_PERCENT}%, whichever is more) or in the
 * thread count (beyond {@value #THREAD_SLACK}). The rows are those taken under load (minute 1 on).
 */
final class Verdict {

    static final long HEAP_SLACK_KIB = 4 * 1024;
    static final int HEAP_SLACK_PERCENT = 10;
    static final int THREAD_SLACK = 2;

    private Verdict() {
    }

    /** Why the soak failed; empty when it passed. */
    static List<String> failures(List<Sample> rows) {
        List<String> f = new ArrayList<>();
        if (rows.isEmpty()) {
            f.add("no minute was sampled");
            return f;
        }
        long lifecycles = 0;
        long errors = 0;
        long lost = 0;
        for (Sample s : rows) {
            lifecycles += s.resourceLifecycles() + s.nodeLifecycles();
            errors += s.errors();
            lost += s.lost();
            if (!s.quiescent()) {
                f.add(String.format("minute %d: %d synths, %d groups, %d resources at a quiescent point (want 0, 1, 0)",
                        s.minute(), s.synths(), s.groups(), s.resources()));
            }
            if (s.heapKiB() < 0 || s.threads() < 0) {
                f.add("minute " + s.minute() + ": the server process could not be read (heap or threads)");
            }
        }
        if (lifecycles == 0) {
            f.add("no lifecycle completed");
        }
        if (errors > 0) {
            f.add(errors + " unexpected errors");
        }
        if (lost > 0) {
            f.add(lost + " lost replies");
        }
        int k = Math.max(1, rows.size() / 3);
        List<Sample> first = rows.subList(0, k);
        List<Sample> last = rows.subList(rows.size() - k, rows.size());
        double heapFirst = first.stream().mapToLong(Sample::heapKiB).average().orElse(0);
        double heapLast = last.stream().mapToLong(Sample::heapKiB).average().orElse(0);
        double heapSlack = Math.max(HEAP_SLACK_KIB, heapFirst * HEAP_SLACK_PERCENT / 100);
        if (heapLast - heapFirst > heapSlack) {
            f.add(String.format("heap after GC grew from %.1f to %.1f MiB (first third to last; tolerance %.1f MiB)",
                    heapFirst / 1024, heapLast / 1024, heapSlack / 1024));
        }
        long threadsFirst = first.stream().mapToLong(Sample::threads).max().orElse(0);
        long threadsLast = last.stream().mapToLong(Sample::threads).max().orElse(0);
        if (threadsLast - threadsFirst > THREAD_SLACK) {
            f.add(String.format("threads grew from %d to %d (first third to last; tolerance %d)", threadsFirst,
                    threadsLast, THREAD_SLACK));
        }
        return f;
    }
}
