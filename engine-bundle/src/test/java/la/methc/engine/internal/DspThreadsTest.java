package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import la.methc.engine.internal.parallel.ParallelSynths;
import la.methc.engine.internal.sched.ThreadPolicy;
import org.junit.jupiter.api.Test;

/**
 * DSP threads in real time (ADR 0014): an engine with a real-time driver spreads runs of isolated synths over
 * {@code dspThreads} threads within each block. The audio and the replies must be the same, sample for sample,
 * on 1, 2 and 4 threads; RT and the helpers allocate nothing in steady state, paced in real time; and helpers
 * with nothing to do are parked, not spinning. The offline render's side is {@link ParallelRenderTest}.
 */
class DspThreadsTest {

    private static final int BLOCKS = 800;

    /** The live engine the dummy and javasound drivers run (the harness computes its blocks in-process). */
    private static EngineHarness live(int threads, Map<String, String> more) {
        Map<String, String> o = new HashMap<>(Map.of("driver", "dummy", "maxNodes", "512", "port", "0",
                "dspThreads", Integer.toString(threads), "render.minRun", "8"));
        o.putAll(more);
        return new EngineHarness(o);
    }

    private static List<String> dspThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("methcla-dsp-")).toList();
    }

    private record Played(float[][] audio, List<String> replies) {
    }

    /**
     * 40 isolated sines split by a plain synth, 20 spies, one that ends itself; 20 more sines at block 150, a
     * synth that throws at 225, half the sines freed at 375, everything at 750. Every output sample is kept.
     */
    private static Played play(int threads) {
        float[][] audio = new float[2][BLOCKS * 64];
        try (EngineHarness h = live(threads, Map.of())) {
            assertEquals(threads, h.engine.options().synthThreads());
            h.send("/notify", 1);
            for (int i = 0; i < 40; i++) {
                sine(h, 100 + i, 110f + 37 * i, i % 2);
                if (i == 20) {
                    h.synth(TestSynths.CONST, 99, 0, 1, 0.01f);
                    h.send("/synth/map/output", 99, 0, 0, 1);
                    h.send("/synth/activate", 99);
                }
            }
            for (int i = 0; i < 20; i++) {
                h.synth(TestSynths.ISOLATED_SPY, 300 + i, 0, 1);
                h.send("/synth/activate", 300 + i);
            }
            h.synthWith(TestSynths.ISOLATED_DONE, 98, 0, 1, 100);
            h.send("/synth/property/doneFlags/set", 98, 0x21);
            h.send("/synth/activate", 98);
            for (int b = 0; b < BLOCKS; b++) {
                switch (b) {
                    case 150 -> {
                        for (int i = 0; i < 20; i++) {
                            sine(h, 200 + i, 333f + 11 * i, i % 2);
                        }
                    }
                    case 225 -> {
                        h.synthWith(TestSynths.ISOLATED_THROW, 97, 0, 1, 10);
                        h.send("/synth/activate", 97);
                    }
                    case 375 -> {
                        for (int i = 0; i < 40; i += 2) {
                            h.send("/node/free", 100 + i);
                        }
                    }
                    case 750 -> h.send("/group/freeAll", 0);
                    default -> { }
                }
                float[][] out = h.block();
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(out[c], 0, audio[c], b * 64, 64);
                }
            }
            List<String> replies = h.client.drain(100).stream()
                    .map(m -> m.getAddress() + " " + m.getArguments()).toList();
            return new Played(audio, replies);
        } finally {
            assertEquals(List.of(), dspThreads(), "DSP threads left after close");
        }
    }

    private static void sine(EngineHarness h, int id, float freq, int channel) {
        h.synth(TestSynths.ISOLATED_SINE, id, 0, 1, freq, 0.02f);
        h.send("/synth/map/output", id, 0, channel, 1);
        h.send("/synth/activate", id);
    }

    @Test
    void dspThreadsChangeNeitherTheAudioNorTheReplies() {
        Played one = play(1);
        TestSynths.PROCESS_THREADS.clear();
        Played two = play(2);
        assertTrue(TestSynths.PROCESS_THREADS.contains("methcla-dsp-1"), "isolated synths ran on a DSP helper: "
                + TestSynths.PROCESS_THREADS);
        Played four = play(4);

        float peak = 0;
        for (float s : one.audio()[0]) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak > 0.1f, "the sines are heard: " + peak);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(one.audio()[c], two.audio()[c], "2 DSP threads, channel " + c + ", sample for sample");
            assertArrayEquals(one.audio()[c], four.audio()[c], "4 DSP threads, channel " + c + ", sample for sample");
        }
        assertEquals(one.replies(), two.replies());
        assertEquals(one.replies(), four.replies());
        List<String> replies = two.replies();
        assertTrue(replies.contains("/node/ended [98]"), replies.toString());
        assertTrue(replies.stream().anyMatch(r -> r.startsWith("/error") && r.contains("97") && r.contains("boom")),
                replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.startsWith("/error")).count(), replies.toString());
    }

    /** RT cannot take back a chunk a helper started: it waits for it, and the wait is counted. */
    @Test
    void rtCountsTheBlocksInWhichItWaitedForALateHelper() {
        try (EngineHarness h = live(2, Map.of())) {
            for (int i = 0; i < 16; i++) {
                h.synth(TestSynths.ISOLATED_STALL, 10 + i, 0, 1);
                h.send("/synth/activate", 10 + i);
            }
            h.blocks(10);
            ParallelSynths parallel = (ParallelSynths) h.engine.parallel();
            long before = parallel.waits();
            TestSynths.stallAHelper(h); // the helper takes a chunk and stalls in it
            long waits = parallel.waits() - before;
            System.out.printf("late helper: RT waited in %d blocks, at most %.1f ms%n", waits,
                    parallel.longestWaitNanos() / 1e6);
            assertTrue(waits >= 1, "the block RT waited in is counted: " + waits);
            assertTrue(parallel.longestWaitNanos() > 0);
        } finally {
            TestSynths.STALL.set(false);
        }
    }

    /** With {@code rtPriority}, the helpers run SCHED_FIFO, as {@code chrt -p} reads them back (ADR 0017). */
    @Test
    void helpersRunAtTheRealTimePriorityAskedFor() throws Exception {
        assumeTrue(ThreadPolicy.fifoAllowed(), "this process may not use SCHED_FIFO");
        try (EngineHarness h = live(3, Map.of("rtPriority", "4"))) {
            for (String helper : List.of("methcla-dsp-1", "methcla-dsp-2")) {
                String policy = awaitPolicy(helper, "SCHED_FIFO");
                assertTrue(policy.contains("SCHED_FIFO") && policy.contains("priority: 4"), helper + ": " + policy);
            }
        }
        try (EngineHarness h = live(2, Map.of())) {
            String policy = awaitPolicy("methcla-dsp-1", "SCHED_OTHER"); // the helper may not have started yet
            assertTrue(policy.contains("SCHED_OTHER"), "rtPriority 0: " + policy);
        }
    }

    /** A helper applies its priority (and the OS learns its name) as it starts: wait (bounded) for it. */
    private static String awaitPolicy(String thread, String policy) throws Exception {
        String said = "";
        for (int i = 0; i < 200 && !said.contains(policy); i++) {
            Thread.sleep(10);
            try {
                said = ThreadPolicy.of(thread);
            } catch (AssertionError notYet) {
                said = notYet.getMessage(); // "no thread ...": not started yet
            }
        }
        return said;
    }

    @Test
    void oneDspThreadStartsNoHelper() {
        try (EngineHarness h = live(1, Map.of())) {
            h.blocks(10);
            assertEquals(List.of(), dspThreads());
        }
    }

    /**
     * 200 isolated sines split in two runs, paced in real time as the dummy driver paces them (helpers park between
     * blocks and are woken each block): RT and the helper allocate 0 bytes over 3,000 blocks. Then, the synths
     * freed, the helper stays parked: its CPU time over a second of blocks is next to nothing.
     */
    @Test
    void rtAndHelpersAllocateNothingAndIdleHelpersPark() throws Exception {
        try (EngineHarness h = live(2, Map.of())) {
            for (int i = 0; i < 200; i++) {
                sine(h, 10 + i, 200f + i, i % 2);
                if (i == 100) {
                    h.synth(TestSynths.CONST, 5, 0, 1, 0.01f); // splits the run in two
                    h.send("/synth/activate", 5);
                }
            }
            try (PacedHelperRun paced = new PacedHelperRun(h)) {
                PacedHelperRun.Stretch s = paced.measure(3_000);
                System.out.printf("DSP threads, 201 synths, %d paced blocks: RT %d bytes, helper %d bytes, helper CPU "
                        + "%.1f ms%n", s.blocks(), s.rtBytes(), s.helperBytes(), s.helperCpuNanos() / 1e6);
                assertEquals(0, s.helperBytes(), "bytes allocated by the DSP helper");
                assertEquals(0, s.rtBytes(), "bytes allocated by the RT thread");
                assertTrue(s.helperCpuNanos() > 0, "the helper worked");

                h.send("/group/freeAll", 0);
                Thread.sleep(100);
                long idleCpuBefore = paced.helperCpuNanos();
                long idleStart = paced.blocks();
                Thread.sleep(1000);
                long idleCpu = paced.helperCpuNanos() - idleCpuBefore;
                System.out.printf("DSP helper, idle engine, %d blocks: %.2f ms CPU%n", paced.blocks() - idleStart,
                        idleCpu / 1e6);
                assertTrue(paced.blocks() - idleStart > 100, "the engine went on computing blocks");
                // parked: a spinning helper would use most of the second; loose, this is no timing figure
                assertTrue(idleCpu < 100_000_000L, "an idle helper's CPU time over 1 s: " + idleCpu / 1e6 + " ms");
                assertEquals(Thread.State.WAITING, paced.helper.getState(), "the idle helper is parked");
            }
        }
    }
}
