package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure d and its kin: {@link Units} (looping play voices for the side-by-side table, filter + delay + pan chains)
 * added in steps. After a step it waits, then measures a window: the step passes while the load stays below 80%.
 * The load is the share of one core the server's block thread used in the window, measured from outside
 * ({@link ThreadCpu}, the same measure for every server) when its process id is known, else the average load its
 * status reports; beside it, the cores all its counted threads used (DSP helpers included). Late blocks are
 * counted and shown but do not decide: the two servers' late blocks are not the same measure (Methcla/J counts
 * blocks computed slower than real time; for scsynth only JACK's xruns are visible, and on a busy machine they are mostly wake-up delays). Steps start at {@code firstStep}, then a quarter
 * of the headroom it estimates (in tens, {@code minStep} to 400). A step that reaches 80% load is taken back and
 * tried again in quarter steps; the search ends at 80% load with a step of {@code minStep}, at {@code max} units,
 * at an error (e.g. the node limit) or at the deadline.
 */
final class VoiceSearch {

    static final double LOAD_LIMIT = 0.8;
    static final int BUFFER = 1;
    static final int FRAMES = 48000;
    static final int GROUP = 1;
    static final int FIRST_VOICE = 10;
    /** The most voices a search adds: the servers run with room for 32,768 nodes (compare.sh). */
    static final int MAX_VOICES = 32_000;

    /** How the search is paced. */
    record Plan(int max, int firstStep, int minStep, long settleMs, long windowMs, long deadlineMs) {
        static final Plan NORMAL = new Plan(MAX_VOICES, 100, 10, 1000, 1500, 240_000);
        static final Plan QUICK = new Plan(MAX_VOICES, 400, 100, 700, 1000, 40_000);
    }

    /**
     * The outcome: the most units that passed, their load, why the search ended, the steps with late blocks, and the
     * steps that passed while the server said it fell behind real time (its reported load at or above 1.0).
     */
    record Outcome(int count, double load, String end, List<Integer> withLate, List<Integer> behind) {
    }

    /** One measured window: the load that counts, the status at its end, and its late blocks. */
    private record Window(double load, double cores, Status status, long late) {
    }

    private final Session s;
    private final Plan plan;
    private final ThreadCpu cpu;
    private final Units units;

    /** The play voices of the side-by-side table. @param cpu the server's threads, or null for its status's load */
    VoiceSearch(Session s, Plan plan, ThreadCpu cpu) {
        this(s, plan, cpu, new PlayVoices(s.server));
    }

    /** @param cpu the server's threads, or null to go by the load its status reports */
    VoiceSearch(Session s, Plan plan, ThreadCpu cpu, Units units) {
        this.s = s;
        this.plan = plan;
        this.cpu = cpu;
        this.units = units;
    }

    /** The rate of voice {@code i}: a little above 1, so that every frame is interpolated. */
    static float rate(int i) {
        return 1.0f + 0.001f * (1 + i % 50);
    }

    Outcome run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Status idle = s.status();
        if (idle.synths() != 0) {
            throw new IOException(s.server.name() + " already runs " + idle.synths() + " synths");
        }
        units.setUp(s);
        double idleLoad = window().load();
        String column = units.name().substring(units.name().lastIndexOf(' ') + 1);
        System.out.printf("  idle load %.3f%n  %8s %8s %8s %6s %6s%n", idleLoad, column, "load", "reported", "late",
                "cores");
        int n = 0;
        int best = 0;
        double bestLoad = idleLoad;
        List<Integer> withLate = new ArrayList<>();
        List<Integer> behind = new ArrayList<>();
        int step = Math.min(plan.firstStep(), plan.max());
        String end = "the maximum of " + plan.max() + " " + units.name() + " reached";
        while (n < plan.max()) {
            if (System.nanoTime() - t0 > plan.deadlineMs() * 1_000_000L) {
                end = "the time limit reached";
                break;
            }
            int add = Math.min(step, plan.max() - n);
            List<OSCMessage> errors = addStep(n, add);
            if (!errors.isEmpty()) {
                end = units.name() + " from " + (n + 1) + " on refused: " + OscClient.describe(errors);
                break;
            }
            n += add;
            Thread.sleep(plan.settleMs());
            Window w = window();
            if (w.status().synths() != n * units.synthsEach()) {
                throw new IOException(s.server.name() + " runs " + w.status().synths() + " synths, expected "
                        + n * units.synthsEach());
            }
            System.out.printf("  %8d %8.3f %8.3f %6d %6.3f%n", n, w.load(), w.status().avgLoad(), w.late(), w.cores());
            if (w.late() > 0) {
                withLate.add(n);
            }
            if (w.load() >= LOAD_LIMIT) {
                if (add <= plan.minStep()) {
                    end = "80% load reached at " + n;
                    break;
                }
                // a step that overshot (one low reading before it makes the next step large): take it back and
                // come closer in smaller steps, so that the figure is not a step short of the limit
                List<OSCMessage> back = new ArrayList<>();
                for (int place = n - 1; place >= n - add; place--) {
                    back.addAll(units.stop(place));
                }
                s.sendAndSync(Osc.bundles(back));
                n -= add;
                step = quarter(add);
                Thread.sleep(plan.settleMs());
                continue;
            }
            best = n;
            bestLoad = w.load();
            if (w.status().avgLoad() >= 1.0) {
                // a block thread kept from its core by other processes computes fewer blocks than real time asks
                // (the engine skips the rest), so its share of a core reads low: the step passes on a false reading
                behind.add(n);
            }
            double perUnit = Math.max(1e-6, (w.load() - idleLoad) / n);
            int headroom = (int) ((LOAD_LIMIT - w.load()) / perUnit);
            step = Math.min(400, quarter(headroom));
        }
        for (OSCMessage m : units.tearDown()) {
            // one at a time: supernova 3.13 crashed once when a bundle freed the voices' group and their buffer
            s.sendAndSyncPatiently(Osc.bundles(List.of(m)));
        }
        System.out.printf("  %s: %d %s below 80%% (load %.3f); %s; %.0f s%s%n", s.server.name(), best, units.name(),
                bestLoad, end, (System.nanoTime() - t0) / 1e9, withLate.isEmpty() ? "" : "; late blocks at " + withLate);
        if (!behind.isEmpty()) {
            System.out.printf("  warning: steps %s passed while the server reported a load of 1.0 or more: its block "
                    + "thread fell behind real time, so its share of a core understates its need (a busy machine?)%n",
                    behind);
        }
        return new Outcome(best, bestLoad, end, withLate, behind);
    }

    /** Starts places {@code n} to {@code n + add - 1}, what they need made first; the errors that caused. */
    private List<OSCMessage> addStep(int n, int add) throws IOException {
        List<OSCMessage> prepare = new ArrayList<>();
        List<OSCMessage> start = new ArrayList<>();
        for (int place = n; place < n + add; place++) {
            prepare.addAll(units.prepare(place));
            start.addAll(units.start(place));
        }
        if (!prepare.isEmpty()) {
            List<OSCMessage> errors = s.sendAndSync(Osc.bundles(prepare));
            if (!errors.isEmpty()) {
                return errors;
            }
        }
        return s.sendAndSync(Osc.bundles(start));
    }

    /** A quarter of {@code voices}, in tens, at least the plan's smallest step. */
    private int quarter(int voices) {
        return Math.max(plan.minStep(), voices / 4 / 10 * 10);
    }

    private Window window() throws IOException, InterruptedException {
        s.status(); // resets Methcla/J's peak
        long late0 = s.server.lateBlocks(s.client);
        Map<String, ThreadCpu.Counters> a = cpu == null ? null : cpu.snapshot();
        Thread.sleep(plan.windowMs());
        Map<String, ThreadCpu.Counters> b = cpu == null ? null : cpu.snapshot();
        Status st = s.status();
        long late = s.server.lateBlocks(s.client) - late0;
        return new Window(cpu == null ? st.avgLoad() : cpu.load(a, b), cpu == null ? Double.NaN : cpu.cores(a, b), st,
                late);
    }
}
