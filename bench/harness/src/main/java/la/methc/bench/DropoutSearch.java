package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dropout figure, one rule for every server: the most looping play voices for which a window has no more late
 * blocks than a quiet window of the same length with no voices, measured just before. Late blocks are what the
 * server's {@link ServerUnderTest#lateBlocks} counts (Methcla/J: blocks computed later than real time, from
 * {@code /status}; scsynth and supernova: jackd's late cycles). Beside each window the load in cores: the CPU time
 * of all the server's block threads ({@link ServerUnderTest#dspThreads}) over the window's wall-clock time.
 * {@link DropoutLadder} chooses the counts, starting from the 80% load figure.
 */
final class DropoutSearch {

    /** How the search is paced: 10 s windows in a full run. */
    record Plan(long windowMs, long settleMs, int windows, int minStep, int max) {
        static final Plan NORMAL = new Plan(10_000, 1000, 8, 20, VoiceSearch.MAX_VOICES);
        static final Plan QUICK = new Plan(2_000, 700, 3, 100, VoiceSearch.MAX_VOICES);
    }

    /** The figure, the quiet window's late blocks, the late blocks and load (cores) at the figure, every window. */
    record Outcome(int count, long quietLate, long late, double cores, String windows) {
    }

    /** Voices started or freed between two {@code /sync}s. */
    private static final int CHUNK = 400;

    private final Session s;
    private final Plan plan;
    private final ThreadCpu cpu;
    private final Units units;

    /** @param cpu the server's block threads, or null for the load its status reports */
    DropoutSearch(Session s, Plan plan, ThreadCpu cpu) {
        this.s = s;
        this.plan = plan;
        this.cpu = cpu;
        this.units = new PlayVoices(s.server);
    }

    /** @param first the count the search starts from: the 80% load figure */
    Outcome run(int first) throws IOException, InterruptedException {
        units.setUp(s);
        Thread.sleep(plan.settleMs());
        long[] quiet = new long[1];
        double quietCores = window(quiet);
        System.out.printf("  quiet window (%d ms, no voices): %d late, %.3f cores%n  %8s %8s %6s%n", plan.windowMs(),
                quiet[0], quietCores, "voices", "cores", "late");
        StringBuilder windows = new StringBuilder("quiet: " + quiet[0] + " late, " + fmt(quietCores) + " cores");
        DropoutLadder ladder = new DropoutLadder(Math.max(first, plan.minStep()), plan.minStep(), plan.max(),
                plan.windows());
        int n = 0;
        long bestLate = quiet[0];
        double bestCores = quietCores;
        String end = "";
        while (true) {
            int target = ladder.current();
            List<OSCMessage> errors = moveTo(n, target);
            if (!errors.isEmpty()) {
                end = "; voices from " + (n + 1) + " on refused: " + OscClient.describe(errors);
                break;
            }
            n = target;
            Thread.sleep(plan.settleMs());
            long[] late = new long[1];
            double cores = window(late);
            boolean passed = late[0] <= quiet[0];
            System.out.printf("  %8d %8.3f %6d%s%n", n, cores, late[0], passed ? "" : "  (more than quiet)");
            windows.append("; ").append(n).append(": ").append(late[0]).append(" late, ").append(fmt(cores))
                    .append(" cores");
            if (passed && n >= ladder.best()) {
                bestLate = late[0];
                bestCores = cores;
            }
            if (!ladder.record(passed)) {
                break;
            }
        }
        for (OSCMessage m : units.tearDown()) {
            // one at a time: supernova 3.13 crashed once when a bundle freed the voices' group and their buffer
            s.sendAndSyncPatiently(Osc.bundles(List.of(m)));
        }
        System.out.printf("  %s: %d voices with no more late blocks than the quiet window%s%n", s.server.name(),
                ladder.best(), end);
        return new Outcome(ladder.best(), quiet[0], bestLate, bestCores, windows + end);
    }

    /**
     * Starts or frees voices at the end until {@code target} run, {@value #CHUNK} at a time with a {@code /sync}
     * after each (as the load search's steps: a server's UDP receive buffer need not hold thousands of commands).
     */
    private List<OSCMessage> moveTo(int n, int target) throws IOException {
        while (n != target) {
            int next = n < target ? Math.min(target, n + CHUNK) : Math.max(target, n - CHUNK);
            List<OSCMessage> msgs = new ArrayList<>();
            for (int place = n; place < next; place++) {
                msgs.addAll(units.start(place));
            }
            for (int place = n - 1; place >= next; place--) {
                msgs.addAll(units.stop(place));
            }
            List<OSCMessage> errors = s.sendAndSync(Osc.bundles(msgs));
            if (!errors.isEmpty()) {
                return errors;
            }
            n = next;
        }
        return List.of();
    }

    /** Measures one window: its late blocks into {@code late[0]}; returns the load in cores. */
    private double window(long[] late) throws IOException, InterruptedException {
        s.status();
        long late0 = s.server.lateBlocks(s.client);
        Map<String, ThreadCpu.Counters> a = cpu == null ? null : cpu.snapshot();
        Thread.sleep(plan.windowMs());
        Map<String, ThreadCpu.Counters> b = cpu == null ? null : cpu.snapshot();
        Status st = s.status();
        late[0] = s.server.lateBlocks(s.client) - late0;
        return cpu == null ? st.avgLoad() : cpu.cores(a, b);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
