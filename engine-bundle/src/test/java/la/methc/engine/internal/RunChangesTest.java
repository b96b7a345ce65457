package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import la.methc.engine.internal.parallel.ParallelSynths;
import org.junit.jupiter.api.Test;

/**
 * DSP threads keep the runs of isolated synths they walked while the tree is unchanged, and deal a run's chunks to
 * the threads in stripes (ADR 0014). Every change that can change a run must be seen in the very next block:
 * a synth activated, an input mapped (the synth is no longer isolated: the run splits) and unmapped, synths
 * linked at the head and in the middle of a run, freed from its middle, a group freed. Runs of about 1,100 synths
 * (5 stripes of 32 chunks) give each of 2 threads several stripes, and 4 threads a stripe each or more. The audio
 * must be the same, sample for sample, as on RT alone, which walks the tree every block.
 */
class RunChangesTest {

    private static final int BLOCKS = 320;
    private static final int SINES = 1100;
    private static final int CONST = 3000;

    private static float[][] play(int threads) {
        float[][] audio = new float[2][BLOCKS * 64];
        try (EngineHarness h = new EngineHarness(Map.of("driver", "dummy", "maxNodes", "2048", "port", "0",
                "dspThreads", Integer.toString(threads), "render.minRun", "8"))) {
            h.send("/group/new", 1, 0, 1);
            for (int i = 0; i < SINES; i++) {
                sine(h, 100 + i, i, 1, 1, i % 2 == 0); // the odd ones wait, inactive, in the run
                if (i == 150) {
                    // the sine before it writes a private bus, which it reads from block 80 to 199
                    h.synth(TestSynths.ISOLATED_SINE, CONST - 1, 1, 1, 55f, 0.1f);
                    h.send("/synth/map/output", CONST - 1, 0, 5, 0);
                    h.send("/synth/activate", CONST - 1);
                    h.synth(TestSynths.ISOLATED_CONST, CONST, 1, 1, 0.001f);
                    h.send("/synth/map/output", CONST, 0, 0, 1);
                    h.send("/synth/activate", CONST);
                }
            }
            long handed = 0;
            for (int b = 0; b < BLOCKS; b++) {
                switch (b) {
                    case 40 -> {
                        for (int i = 1; i < 100; i += 2) {
                            h.send("/synth/activate", 100 + i);
                        }
                    }
                    case 80 -> h.send("/synth/map/input", CONST, 0, 5, 0); // reads bus 5: splits the run
                    case 120 -> {
                        for (int i = 0; i < 10; i++) {
                            sine(h, 2000 + i, 7 + i, 1, 0, true); // at the group's head
                            sine(h, 2020 + i, 17 + i, 100 + 200, 2, true); // before sine 200
                        }
                    }
                    case 160 -> {
                        for (int i = 10; i < 60; i++) {
                            h.send("/node/free", 100 + i);
                        }
                    }
                    case 200 -> h.send("/synth/map/input", CONST, 0, -1, 0); // isolated again: one run
                    case 240 -> {
                        for (int i = 101; i < SINES; i += 2) {
                            h.send("/synth/activate", 100 + i);
                        }
                    }
                    case 300 -> h.send("/group/freeAll", 1);
                    default -> { }
                }
                float[][] out = h.block();
                if (threads > 1) {
                    long runs = ((ParallelSynths) h.engine.parallel()).runs();
                    // one run a block, two while the const synth reads a bus, none once everything is freed
                    assertEquals(b >= 300 ? 0 : b >= 80 && b < 200 ? 2 : 1, runs - handed, "runs in block " + b);
                    handed = runs;
                }
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(out[c], 0, audio[c], b * 64, 64);
                }
            }
            List<String> errors = h.client.drain(100).stream().filter(m -> m.getAddress().equals("/error"))
                    .map(m -> m.getArguments().toString()).toList();
            assertEquals(List.of(), errors, "no /error");
        }
        return audio;
    }

    private static void sine(EngineHarness h, int id, int i, int target, int action, boolean activate) {
        h.synth(TestSynths.ISOLATED_SINE, id, target, action, 110f + 13 * i, 0.002f);
        h.send("/synth/map/output", id, 0, i % 2, 1);
        if (activate) {
            h.send("/synth/activate", id);
        }
    }

    @Test
    void everyChangeToARunIsHeardInTheNextBlock() {
        float[][] alone = play(1);
        float[][] two = play(2);
        float[][] four = play(4);
        assertTrue(energy(alone[0], 10) > 0, "the even sines play on channel 0");
        assertEquals(0f, energy(alone[1], 39), "the odd ones wait, inactive, until block 40");
        assertTrue(energy(alone[1], 40) > 0, "the odd ones play once activated");
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(alone[c], two[c], "2 DSP threads, channel " + c + ", sample for sample");
            assertArrayEquals(alone[c], four[c], "4 DSP threads, channel " + c + ", sample for sample");
        }
        assertEquals(0f, energy(alone[0], BLOCKS - 1), "everything freed");
    }

    /**
     * The runs kept for the next blocks let go of synths freed since: a freed synth (and the buffer it may hold) must
     * not stay reachable from the DSP threads until some later run is walked, here never, as no run is left.
     */
    @Test
    void freedSynthsAreNotKeptForTheNextRun() throws InterruptedException {
        try (EngineHarness h = new EngineHarness(Map.of("driver", "dummy", "maxNodes", "256", "port", "0",
                "dspThreads", "2", "render.minRun", "8"))) {
            h.send("/group/new", 1, 0, 1);
            for (int i = 0; i < 40; i++) {
                sine(h, 100 + i, i, 1, 1, true);
            }
            h.blocks(5);
            assertEquals(5, ((ParallelSynths) h.engine.parallel()).runs(), "the 40 sines are one run a block");
            assertFreedSynthLetGo(h, "/group/freeAll", "");
        }
    }

    /** The same for the walks of parallel groups kept for the next blocks, on 1 thread (RT alone) and 2. */
    @Test
    void freedSynthsAreNotKeptForTheNextParallelGroup() throws InterruptedException {
        for (String threads : List.of("1", "2")) {
            try (EngineHarness h = new EngineHarness(Map.of("driver", "dummy", "maxNodes", "256", "port", "0",
                    "dspThreads", threads, "render.minRun", "8"))) {
                h.send("/group/new", 1, 0, 1, 1); // parallel
                for (int i = 0; i < 40; i++) {
                    sine(h, 100 + i, i, 1, 1, true);
                }
                h.blocks(5);
                assertFreedSynthLetGo(h, "/node/free", threads + " thread(s): ");
            }
        }
    }

    /**
     * Sends {@code free} for group 1 (its synths go with it), computes 3 blocks, and waits up to a second of
     * collections for synth 120, one of them, to be collected: nothing kept for the next blocks may still reach it.
     */
    private static void assertFreedSynthLetGo(EngineHarness h, String free, String label) throws InterruptedException {
        java.lang.ref.WeakReference<Object> freed = new java.lang.ref.WeakReference<>(h.engine.tree().get(120));
        h.send(free, 1);
        h.blocks(3);
        assertEquals(null, h.engine.tree().get(120), "freed");
        for (int i = 0; i < 50 && freed.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, freed.get(), label + "a freed synth is still reachable");
    }

    private static float energy(float[] audio, int block) {
        float e = 0;
        for (int i = block * 64; i < block * 64 + 64; i++) {
            e += audio[i] * audio[i];
        }
        return e;
    }
}
