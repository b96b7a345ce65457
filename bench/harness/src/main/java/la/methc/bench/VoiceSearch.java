package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure d: looping 1-channel play voices (rates 1.001–1.05, so every frame is interpolated; cubic on both
 * servers) on one buffer of 48,000 frames filled with 1 s of a recorded sine, added in steps. After a step it
 * waits, then measures a window: the step passes while the load stays below 80%. The load is the share of
 * one core the server's block thread used in the window, measured from outside ({@link ThreadCpu}, the same
 * measure for every server) when its process id is known, else the average load its status reports. Late
 * blocks are counted and shown but do not decide: the two servers' late blocks are not the same measure
 * (Methcla/J counts blocks computed slower than real time; for scsynth only JACK's xruns are visible, and on
 * a busy machine they are mostly wake-up delays). Steps start at {@code firstStep}, then a quarter of the
 * headroom it estimates (in tens, {@code minStep} to 400). A step that reaches 80% load is taken back and tried
 * again in quarter steps; the search ends at 80% load with a step of {@code minStep}, at {@code max} voices, at an
 * error (e.g. the node limit) or at the deadline.
 */
final class VoiceSearch {

    static final double LOAD_LIMIT = 0.8;
    static final int BUFFER = 1;
    static final int FRAMES = 48000;
    static final int GROUP = 1;
    static final int FIRST_VOICE = 10;

    /** How the search is paced. */
    record Plan(int max, int firstStep, int minStep, long settleMs, long windowMs, long deadlineMs) {
        static final Plan NORMAL = new Plan(16000, 100, 10, 1000, 1500, 170_000);
        static final Plan QUICK = new Plan(16000, 400, 100, 700, 1000, 40_000);
    }

    /** The outcome: the most voices that passed, their load, why the search ended, the steps with late blocks. */
    record Outcome(int voices, double load, String end, List<Integer> withLate) {
    }

    /** One measured window: the load that counts, the status at its end, and its late blocks. */
    private record Window(double load, Status status, long late) {
    }

    private final Session s;
    private final Plan plan;
    private final ThreadCpu cpu;

    /** @param cpu the server's threads, or null to go by the load its status reports */
    VoiceSearch(Session s, Plan plan, ThreadCpu cpu) {
        this.s = s;
        this.plan = plan;
        this.cpu = cpu;
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
        s.run("the voices' buffer", s.server.newBuffer(BUFFER, FRAMES));
        List<OSCMessage> fill = new ArrayList<>(s.server.recordSine(BUFFER, 2, 0.5f));
        fill.add(s.server.newGroup(GROUP));
        s.run("filling the buffer", List.of(Osc.now(fill)));
        Thread.sleep(1100); // the recorder ends itself once the buffer is full
        double idleLoad = window().load();
        System.out.printf("  idle load %.3f%n  %8s %8s %8s %6s%n", idleLoad, "voices", "load", "reported", "late");
        int n = 0;
        List<Integer> ids = new ArrayList<>();
        int nextId = FIRST_VOICE;
        int best = 0;
        double bestLoad = idleLoad;
        List<Integer> withLate = new ArrayList<>();
        int step = Math.min(plan.firstStep(), plan.max());
        String end = "the maximum of " + plan.max() + " voices reached";
        while (n < plan.max()) {
            if (System.nanoTime() - t0 > plan.deadlineMs() * 1_000_000L) {
                end = "the time limit reached";
                break;
            }
            int add = Math.min(step, plan.max() - n);
            List<OSCMessage> messages = new ArrayList<>();
            for (int i = n; i < n + add; i++) {
                // a voice taken back leaves its id behind: a new id each time, the same rate for the same place
                ids.add(nextId++);
                messages.addAll(s.server.newPlayVoice(ids.get(i), GROUP, BUFFER, rate(i), i % 2));
            }
            List<OSCMessage> errors = s.sendAndSync(Osc.bundles(messages));
            if (!errors.isEmpty()) {
                end = "voice " + (n + 1) + " and on refused: " + OscClient.describe(errors);
                break;
            }
            n += add;
            Thread.sleep(plan.settleMs());
            Window w = window();
            if (w.status().synths() != n) {
                throw new IOException(s.server.name() + " runs " + w.status().synths() + " synths, expected " + n);
            }
            System.out.printf("  %8d %8.3f %8.3f %6d%n", n, w.load(), w.status().avgLoad(), w.late());
            if (w.late() > 0) {
                withLate.add(n);
            }
            if (w.load() >= LOAD_LIMIT) {
                end = "80% load reached at " + n;
                if (add <= plan.minStep()) {
                    break;
                }
                // a step that overshot (one low reading before it makes the next step large): take it back and
                // come closer in smaller steps, so that the figure is not a step short of the limit
                List<Integer> back = ids.subList(n - add, n);
                s.sendAndSync(Osc.bundles(back.stream().map(s.server::freeNode).toList()));
                back.clear();
                n -= add;
                step = quarter(add);
                Thread.sleep(plan.settleMs());
                continue;
            }
            best = n;
            bestLoad = w.load();
            double perVoice = Math.max(1e-6, (w.load() - idleLoad) / n);
            int headroom = (int) ((LOAD_LIMIT - w.load()) / perVoice);
            step = Math.min(400, quarter(headroom));
        }
        s.sendAndSync(List.of(s.server.freeNode(GROUP), s.server.freeBuffer(BUFFER)));
        System.out.printf("  %s: %d voices below 80%% (load %.3f); %s; %.0f s%s%n", s.server.name(), best, bestLoad,
                end, (System.nanoTime() - t0) / 1e9, withLate.isEmpty() ? "" : "; late blocks at " + withLate);
        return new Outcome(best, bestLoad, end, withLate);
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
        return new Window(cpu == null ? st.avgLoad() : cpu.load(a, b), st, late);
    }
}
