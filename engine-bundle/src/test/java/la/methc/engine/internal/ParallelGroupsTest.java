package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import la.methc.osc.OscCodec;
import la.methc.engine.internal.parallel.ParallelGroups;
import la.methc.engine.internal.parallel.ParallelSynths;
import org.junit.jupiter.api.Test;

/**
 * Parallel groups (issue 18, ADR 0014): the children of a group made with {@code /group/new … i:1} run as units on
 * the DSP threads (or an offline render's threads). The audio and the replies must be the same, sample for sample,
 * on 1, 2 and 4 threads, live and offline; chains (a synth into a bus, another reading it) inside the children
 * included; buses several children write are summed in tree order.
 */
class ParallelGroupsTest {

    private static final int BLOCKS = 400;
    private static final int EXTERNAL = 1;

    private static EngineHarness engine(boolean live, int threads) {
        Map<String, String> o = new HashMap<>(Map.of("maxNodes", "512", "internalBuses", "128",
                "render.minRun", "8"));
        if (live) {
            o.putAll(Map.of("driver", "dummy", "port", "0", "dspThreads", Integer.toString(threads)));
        } else {
            o.put("render.threads", Integer.toString(threads));
        }
        return new EngineHarness(o);
    }

    /** The engine's helper threads alive now: live {@code methcla-dsp-N}, offline {@code methcla-render-N}. */
    private static List<String> helpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("methcla-dsp-") || n.startsWith("methcla-render-")).sorted().toList();
    }

    private record Played(float[][] audio, List<String> replies) {
    }

    /**
     * Chain {@code c} in group {@code 100 + c}, the tail of group {@code parent}: a sine into internal bus {@code c},
     * a lag reading it into hardware output {@code c % 2} (every third chain: into internal bus 100, which a synth
     * after the group reads).
     */
    private static void chain(EngineHarness h, int parent, int c) {
        int group = 100 + c;
        h.send("/group/new", group, parent, 1);
        h.synth(TestSynths.ISOLATED_SINE, 1000 + c, group, 1, 100f + 13 * c, 0.05f);
        h.send("/synth/map/output", 1000 + c, 0, c, 0);
        h.synth(TestSynths.ISOLATED_LAG, 2000 + c, group, 1, 0.1f + 0.01f * c, 0.001f * c);
        h.send("/synth/map/input", 2000 + c, 0, c, 0);
        if (c % 3 == 2) {
            h.send("/synth/map/output", 2000 + c, 0, 100, 0);
        } else {
            h.send("/synth/map/output", 2000 + c, 0, c % 2, EXTERNAL);
        }
        h.send("/synth/activate", 1000 + c);
        h.send("/synth/activate", 2000 + c);
    }

    /** Group 1 (parallel or plain) with 24 chains, and a synth after it that reads bus 100 into output 1. */
    private static void chains(EngineHarness h, boolean parallel) {
        h.send("/group/new", 1, 0, 1, parallel ? 1 : 0);
        for (int c = 0; c < 24; c++) {
            chain(h, 1, c);
        }
        h.synth(TestSynths.CONST, 50, 0, 1, 0f);
        h.send("/synth/map/input", 50, 0, 100, 0);
        h.send("/synth/map/output", 50, 0, 1, EXTERNAL);
        h.send("/synth/activate", 50);
    }

    private static void keep(float[][] audio, float[][] out, int b) {
        for (int c = 0; c < 2; c++) {
            System.arraycopy(out[c], 0, audio[c], b * 64, 64);
        }
    }

    /**
     * The chains; beside them in the parallel group a sine, a synth that is not isolated (its child stays on RT), a
     * spy, one that ends itself; at 120 one that throws; at 200 half the chains freed, at 250 four new ones; at 380
     * everything freed.
     */
    private static Played play(boolean live, int threads) {
        float[][] audio = new float[2][BLOCKS * 64];
        try (EngineHarness h = engine(live, threads)) {
            h.send("/notify", 1);
            chains(h, true);
            h.synth(TestSynths.ISOLATED_SINE, 3000, 1, 1, 555f, 0.03f);
            h.send("/synth/map/output", 3000, 0, 0, EXTERNAL);
            h.synth(TestSynths.CONST, 3001, 1, 0, 0.001f);
            h.send("/synth/map/output", 3001, 0, 1, EXTERNAL);
            h.synth(TestSynths.ISOLATED_SPY, 3002, 1, 1);
            h.synthWith(TestSynths.ISOLATED_DONE, 3003, 1, 1, 100);
            h.send("/synth/property/doneFlags/set", 3003, 0x21);
            for (int id = 3000; id <= 3003; id++) {
                h.send("/synth/activate", id);
            }
            for (int b = 0; b < BLOCKS; b++) {
                switch (b) {
                    case 120 -> {
                        h.synthWith(TestSynths.ISOLATED_THROW, 3004, 1, 1, 10);
                        h.send("/synth/activate", 3004);
                    }
                    case 200 -> {
                        for (int c = 0; c < 24; c += 2) {
                            h.send("/node/free", 100 + c);
                        }
                    }
                    case 250 -> {
                        for (int c = 30; c < 34; c++) {
                            chain(h, 1, c);
                        }
                    }
                    case 380 -> h.send("/group/freeAll", 1);
                    default -> { }
                }
                keep(audio, h.block(), b);
            }
            // a /sync rather than a quiet spell: every reply of the blocks comes before /synced, however busy
            List<String> replies = h.sync().stream().map(m -> m.getAddress() + " " + m.getArguments()).toList();
            return new Played(audio, replies);
        } finally {
            assertEquals(List.of(), helpers(), "helpers left after close");
        }
    }

    @Test
    void threadsChangeNeitherTheAudioNorTheRepliesLiveOrOffline() {
        TestSynths.PROCESS_THREADS.clear();
        Played one = play(true, 1);
        assertEquals(java.util.Set.of(Thread.currentThread().getName()), TestSynths.PROCESS_THREADS,
                "with one thread every child runs on RT");
        TestSynths.PROCESS_THREADS.clear();
        Played two = play(true, 2);
        Played four = play(true, 4);
        float peak = 0;
        for (float s : one.audio()[0]) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak > 0.05f, "the chains are heard: " + peak);
        Map<String, Played> others = new java.util.LinkedHashMap<>();
        others.put("2 DSP threads", two);
        others.put("4 DSP threads", four);
        for (int t : new int[] {1, 2, 4}) {
            others.put("offline, " + t + " render threads", play(false, t));
        }
        for (Map.Entry<String, Played> e : others.entrySet()) {
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(one.audio()[c], e.getValue().audio()[c], e.getKey() + ", channel " + c);
            }
            assertEquals(one.replies(), e.getValue().replies(), e.getKey());
        }
        List<String> replies = one.replies();
        assertTrue(replies.contains("/node/done [3003]") && replies.contains("/node/ended [3003]"), replies.toString());
        assertTrue(replies.stream().anyMatch(r -> r.startsWith("/error") && r.contains("3004") && r.contains("boom")),
                replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.startsWith("/error")).count(), replies.toString());
    }

    @Test
    void childrenRunOnTheDspHelpers() {
        TestSynths.PROCESS_THREADS.clear();
        try (EngineHarness h = engine(true, 2)) {
            h.send("/group/new", 1, 0, 1, 1);
            for (int i = 0; i < 64; i++) {
                h.synth(TestSynths.ISOLATED_SPY, 10 + i, 1, 1);
                h.send("/synth/activate", 10 + i);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!TestSynths.PROCESS_THREADS.contains("methcla-dsp-1") && System.nanoTime() < deadline) {
                h.block();
            }
            assertTrue(TestSynths.PROCESS_THREADS.contains("methcla-dsp-1"), TestSynths.PROCESS_THREADS.toString());
        }
    }

    /**
     * One team of helpers: with {@code dspThreads} N and a parallel group beside a run of isolated synths, the engine
     * has N - 1 helpers ({@code methcla-dsp-1} ..), the same threads take both kinds of work, and no other thread
     * of the engine's is named for synths.
     */
    @Test
    void parallelGroupsAndRunsShareOneTeamOfHelpers() {
        for (int threads : new int[] {2, 4}) {
            TestSynths.PROCESS_THREADS.clear();
            try (EngineHarness h = engine(true, threads)) {
                List<String> expected = java.util.stream.IntStream.range(1, threads).mapToObj(i -> "methcla-dsp-" + i)
                        .toList();
                assertEquals(expected, helpers(), "helpers of an engine with " + threads + " DSP threads");
                h.send("/group/new", 1, 0, 1, 1);
                for (int i = 0; i < 64; i++) {
                    h.synth(TestSynths.ISOLATED_SPY, 10 + i, 1, 1);
                    h.send("/synth/activate", 10 + i);
                }
                for (int i = 0; i < 64; i++) {
                    h.synth(TestSynths.ISOLATED_SINE, 100 + i, 0, 1, 200f + i, 0.01f);
                    h.send("/synth/activate", 100 + i);
                }
                ParallelGroups groups = (ParallelGroups) h.engine.parallelGroups();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while ((groups.handedOut() < 50 || h.engine.parallel() == null
                        || ((ParallelSynths) h.engine.parallel()).runs() < 50)
                        && System.nanoTime() < deadline) {
                    h.block();
                }
                assertTrue(groups.handedOut() >= 50, "groups handed out: " + groups.handedOut());
                assertTrue(((ParallelSynths) h.engine.parallel()).runs() >= 50,
                        "runs handed out");
                assertEquals(expected, helpers(), "no helper started for the parallel group");
                assertTrue(TestSynths.PROCESS_THREADS.stream().allMatch(n -> !n.startsWith("methcla-")
                        || expected.contains(n)), "threads that ran synths: " + TestSynths.PROCESS_THREADS);
            }
        }
    }

    /** RT cannot take back a child a helper started: it waits for it, and the wait is counted with the group's. */
    @Test
    void rtCountsTheBlocksInWhichItWaitedForALateHelper() {
        try (EngineHarness h = engine(true, 2)) {
            h.send("/group/new", 1, 0, 1, 1);
            for (int i = 0; i < 64; i++) {
                h.synth(TestSynths.ISOLATED_STALL, 10 + i, 1, 1);
                h.send("/synth/activate", 10 + i);
            }
            h.blocks(10);
            ParallelGroups groups = (ParallelGroups) h.engine.parallelGroups();
            ParallelSynths runs = (ParallelSynths) h.engine.parallel();
            long before = groups.waits();
            long runWaits = runs.waits();
            TestSynths.stallAHelper(h); // the helper takes a child and stalls in it
            long waits = groups.waits() - before;
            assertTrue(waits >= 1, "the block RT waited in is counted: " + waits);
            assertTrue(groups.longestWaitNanos() > 0);
            assertEquals(runWaits, runs.waits(), "counted once, as the group's");
        } finally {
            TestSynths.STALL.set(false);
        }
    }

    /**
     * Without done flags or errors a parallel group plays what a plain group plays, bit for bit: a bus several
     * children write gets their outputs in tree order, after every child ran.
     */
    @Test
    void aParallelGroupSoundsAsThePlainGroup() {
        float[][][] audio = new float[2][2][200 * 64];
        for (int p = 0; p < 2; p++) {
            try (EngineHarness h = engine(true, 2)) {
                chains(h, p == 1);
                for (int b = 0; b < 200; b++) {
                    keep(audio[p], h.block(), b);
                }
            }
        }
        assertArrayEquals(audio[0][0], audio[1][0]);
        assertArrayEquals(audio[0][1], audio[1][1]);
    }

    /**
     * The walk of a parallel group is kept while the tree is unchanged, so every change that moves a bus from one
     * child to several, or makes a child read a sibling's bus, must be seen in the block it takes effect: two
     * parallel groups (and a run of isolated synths between them), outputs and inputs remapped while they play, a
     * conflict made and undone, chains freed and added. The audio must be the plain groups' sample for sample, on
     * 1, 2 and 4 threads.
     */
    @Test
    void treeChangesReachTheKeptWalks() {
        float[][][] audio = new float[4][][];
        for (int run = 0; run < 4; run++) {
            boolean parallel = run > 0;
            int threads = run == 0 ? 2 : 1 << (run - 1);
            audio[run] = new float[2][300 * 64];
            try (EngineHarness h = engine(true, threads)) {
                h.send("/group/new", 1, 0, 1, parallel ? 1 : 0);
                for (int c = 0; c < 12; c++) {
                    chain(h, 1, c);
                }
                for (int i = 0; i < 16; i++) {
                    h.synth(TestSynths.ISOLATED_SINE, 4000 + i, 0, 1, 150f + 7 * i, 0.01f);
                    h.send("/synth/map/output", 4000 + i, 0, i % 2, EXTERNAL);
                    h.send("/synth/activate", 4000 + i);
                }
                h.send("/group/new", 2, 0, 1, parallel ? 1 : 0);
                for (int c = 40; c < 48; c++) {
                    chain(h, 2, c);
                }
                h.synth(TestSynths.CONST, 50, 0, 1, 0f);
                h.send("/synth/map/input", 50, 0, 100, 0);
                h.send("/synth/map/output", 50, 0, 1, EXTERNAL);
                h.send("/synth/activate", 50);
                for (int b = 0; b < 300; b++) {
                    switch (b) {
                        // a lag from its own hardware write to the shared bus 100, and back
                        case 40 -> h.send("/synth/map/output", 2003, 0, 100, 0);
                        case 70 -> h.send("/synth/map/output", 2003, 0, 0, EXTERNAL);
                        // a sine of group 2 into chain 41's bus: two children write it, one reads it
                        case 100 -> h.send("/synth/map/output", 1040, 0, 41, 0);
                        case 130 -> h.send("/synth/map/output", 1040, 0, 40, 0);
                        // a lag reading another chain's bus: a conflict, then its own again
                        case 160 -> h.send("/synth/map/input", 2005, 0, 6, 0);
                        case 190 -> h.send("/synth/map/input", 2005, 0, 5, 0);
                        case 220 -> {
                            h.send("/node/free", 100 + 4);
                            h.send("/node/free", 100 + 44);
                        }
                        case 250 -> chain(h, 2, 60);
                        default -> { }
                    }
                    keep(audio[run], h.block(), b);
                }
                if (parallel) {
                    ParallelGroups groups = (ParallelGroups) h.engine.parallelGroups();
                    // blocks 100-129 (an output remapped) and 160-189 (an input): each seen in its first block
                    assertEquals(60, groups.conflicts(), "blocks with a conflict");
                    if (threads > 1) {
                        assertTrue(groups.handedOut() > 400, "groups handed out: " + groups.handedOut());
                    }
                }
            }
        }
        for (int run = 1; run < 4; run++) {
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(audio[0][c], audio[run][c], "parallel groups, run " + run + ", channel " + c);
            }
        }
    }

    /**
     * Three children, worked out by hand: lags A (a 0.5, bias 1) and B (a 0.25, bias 2) both into output 0, and
     * a group with lag C1 (a 0.5, bias 1) into bus 3 read by lag C2 (a 0.5) into output 1. Output 0 is A's sample
     * plus B's (A first: first writer assigns, then B adds), output 1 is C2's.
     */
    @Test
    void busesOfSeveralChildrenAreSummedInTreeOrder() {
        try (EngineHarness h = engine(true, 2)) {
            h.send("/group/new", 1, 0, 1, 1);
            h.synth(TestSynths.ISOLATED_LAG, 10, 1, 1, 0.5f, 1f);
            h.send("/synth/map/output", 10, 0, 0, EXTERNAL);
            h.synth(TestSynths.ISOLATED_LAG, 11, 1, 1, 0.25f, 2f);
            h.send("/synth/map/output", 11, 0, 0, EXTERNAL);
            h.send("/group/new", 2, 1, 1);
            h.synth(TestSynths.ISOLATED_LAG, 12, 2, 1, 0.5f, 1f);
            h.send("/synth/map/output", 12, 0, 3, 0);
            h.synth(TestSynths.ISOLATED_LAG, 13, 2, 1, 0.5f, 0f);
            h.send("/synth/map/input", 13, 0, 3, 0);
            h.send("/synth/map/output", 13, 0, 1, EXTERNAL);
            for (int id = 10; id <= 13; id++) {
                h.send("/synth/activate", id);
            }
            float a = 0;
            float b = 0;
            float c1 = 0;
            float c2 = 0;
            for (int block = 0; block < 20; block++) {
                float[][] out = h.block();
                for (int i = 0; i < 64; i++) {
                    a += 0.5f * (0f + 1f - a);
                    b += 0.25f * (0f + 2f - b);
                    c1 += 0.5f * (0f + 1f - c1);
                    c2 += 0.5f * (c1 + 0f - c2);
                    float sum = a;
                    sum += b;
                    assertEquals(sum, out[0][i], 0f, "output 0, block " + block + " frame " + i);
                    assertEquals(c2, out[1][i], 0f, "output 1, block " + block + " frame " + i);
                }
            }
        }
    }

    /**
     * A child reading a bus a sibling writes breaks the contract: such a block runs as a plain group, on RT, the
     * same for 1 and 2 threads, and is counted.
     */
    @Test
    void aChildThatReadsASiblingsBusRunsTheGroupAsAPlainOne() {
        float[][][] audio = new float[3][][];
        for (int run = 0; run < 3; run++) {
            try (EngineHarness h = engine(true, run == 0 ? 1 : 2)) {
                h.send("/group/new", 1, 0, 1, run == 2 ? 0 : 1);
                h.synth(TestSynths.ISOLATED_SINE, 10, 1, 1, 300f, 0.1f);
                h.send("/synth/map/output", 10, 0, 5, 0);
                h.synth(TestSynths.ISOLATED_LAG, 11, 1, 1, 0.3f, 0f);
                h.send("/synth/map/input", 11, 0, 5, 0);
                h.send("/synth/map/output", 11, 0, 0, EXTERNAL);
                h.send("/synth/activate", 10);
                h.send("/synth/activate", 11);
                audio[run] = new float[2][50 * 64];
                for (int b = 0; b < 50; b++) {
                    keep(audio[run], h.block(), b);
                }
                if (run < 2) {
                    ParallelGroups groups = (ParallelGroups) h.engine.parallelGroups();
                    assertTrue(groups.conflicts() >= 49, "blocks with a conflict: " + groups.conflicts());
                }
            }
        }
        assertArrayEquals(audio[2][0], audio[0][0], "1 thread, as the plain group");
        assertArrayEquals(audio[2][0], audio[1][0], "2 threads, as the plain group");
    }

    /** The flag is 0 or 1; a parallel group says so in /node/info and /group/queryTree.reply (its uri field). */
    @Test
    void theParallelFlagIsCheckedAndShown() throws Exception {
        try (EngineHarness h = engine(true, 1)) {
            h.send("/group/new", 7, 0, 1, 2);
            OSCMessage e = h.client.take("/error");
            assertEquals(List.of("/group/new", 7, "parallel must be 0 (a plain group) or 1 (a parallel group), got 2"),
                    e.getArguments());
            h.send("/group/new", 7, 0, 1, 1f);
            assertEquals(List.of("/group/new", 7, "bad arguments ,iiif: expected ,iii then optionally i"),
                    h.client.take("/error").getArguments());
            h.send("/group/new", 7, 0, 1, 1, 1);
            assertTrue(h.client.take("/error") != null, "five arguments are refused");
            h.blocks(2);
            assertEquals(List.of(), h.children(0), "no group was made");

            // /group/new ,iiii 8 0 1 1, byte by byte (OSC 1.0: strings NUL-padded to 4, int32 big-endian)
            byte[] packet = {
                '/', 'g', 'r', 'o', 'u', 'p', '/', 'n', 'e', 'w', 0, 0,
                ',', 'i', 'i', 'i', 'i', 0, 0, 0,
                0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1};
            assertArrayEquals(HandMadeOsc.message("/group/new", 8, 0, 1, 1), packet);
            h.dispatcher.onPacket(OscCodec.decode(packet, 0, packet.length), h.client);
            h.send("/group/new", 9, 8, 1);
            h.send("/node/query", 8);
            h.send("/node/query", 9);
            h.send("/group/queryTree", 0);
            List<String> replies = h.sync().stream().map(m -> m.getAddress() + " " + m.getArguments()).toList();
            assertEquals(List.of("/node/info [8, 0, 1, parallel]", "/node/info [9, 8, 1, ]",
                    "/group/queryTree.reply [0, 1, 8, 1, parallel, 9, 0, ]"), replies);
        }
    }

    /**
     * 100 chains in a parallel group and a run of 64 isolated sines after it, paced in real time on 2 threads: RT
     * and the one helper, which takes both the group's children and the run's chunks, allocate 0 bytes over 3,000
     * blocks, and the helper worked.
     */
    @Test
    void rtAndTheHelperAllocateNothing() throws Exception {
        try (EngineHarness h = engine(true, 2)) {
            h.send("/group/new", 1, 0, 1, 1);
            for (int c = 0; c < 100; c++) {
                chain(h, 1, c);
            }
            for (int i = 0; i < 64; i++) {
                h.synth(TestSynths.ISOLATED_SINE, 5000 + i, 0, 1, 300f + i, 0.001f);
                h.send("/synth/activate", 5000 + i);
            }
            try (PacedHelperRun paced = new PacedHelperRun(h)) {
                ParallelGroups groups = (ParallelGroups) h.engine.parallelGroups();
                ParallelSynths runs = (ParallelSynths) h.engine.parallel();
                long groupsBefore = groups.handedOut();
                long runsBefore = runs.runs();
                PacedHelperRun.Stretch s = paced.measure(3_000);
                System.out.printf("parallel group, 100 chains, %d paced blocks: RT %d bytes, helper %d bytes, "
                        + "helper CPU %.1f ms%n", s.blocks(), s.rtBytes(), s.helperBytes(), s.helperCpuNanos() / 1e6);
                assertEquals(0, s.helperBytes(), "bytes allocated by the helper");
                assertEquals(0, s.rtBytes(), "bytes allocated by the RT thread");
                assertTrue(s.helperCpuNanos() > 0, "the helper worked");
                assertTrue(groups.handedOut() - groupsBefore >= 3_000, "groups handed out");
                assertTrue(runs.runs() - runsBefore >= 3_000, "runs handed out");
            }
        }
    }
}
