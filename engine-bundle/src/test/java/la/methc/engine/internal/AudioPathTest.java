package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static la.methc.engine.internal.EngineHarness.newSynth;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Buses, node order, activation and timing, checked on sample values. */
class AudioPathTest {

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void inactiveSynthsAreSilentAndActiveOnesWriteHardwareOutputs() {
        try (EngineHarness h = new EngineHarness()) {
            h.synth(TestSynths.CONST, 1, 0, 1, 0.25f);
            h.send("/synth/map/output", 1, 0, 1, 1);
            assertArrayEquals(filled(64, 0f), h.block()[1]);
            h.send("/synth/activate", 1);
            float[][] out = h.block();
            assertArrayEquals(filled(64, 0.25f), out[1]);
            assertArrayEquals(filled(64, 0f), out[0]);
        }
    }

    @Test
    void writersMixReplaceAndReadersSeeOnlyEarlierWriters() {
        try (EngineHarness h = new EngineHarness()) {
            // 1 writes 0.25 to internal bus 3, 2 mixes 0.5 in, 3 reads bus 3 (+1) to hardware out 0
            h.synth(TestSynths.CONST, 1, 0, 1, 0.25f);
            h.synth(TestSynths.CONST, 2, 0, 1, 0.5f);
            h.synth(TestSynths.CONST, 3, 0, 1, 1f);
            h.send("/synth/map/output", 1, 0, 3, 0);
            h.send("/synth/map/output", 2, 0, 3, 0);
            h.send("/synth/map/input", 3, 0, 3, 0);
            h.send("/synth/map/output", 3, 0, 0, 1);
            for (int id = 1; id <= 3; id++) {
                h.send("/synth/activate", id);
            }
            assertArrayEquals(filled(64, 1.75f), h.block()[0]);
            // replace flag: 2 overwrites what 1 wrote
            h.send("/synth/map/output", 2, 0, 3, 4);
            assertArrayEquals(filled(64, 1.5f), h.block()[0]);
            // reader moved to the head: the bus is not written yet in this block, so it reads silence
            h.synth(TestSynths.CONST, 4, 0, 0, 2f);
            h.send("/synth/map/input", 4, 0, 3, 0);
            h.send("/synth/map/output", 4, 0, 1, 1);
            h.send("/synth/activate", 4);
            assertArrayEquals(filled(64, 2f), h.block()[1]);
            // with the feedback flag it reads the previous block's value
            h.send("/synth/map/input", 4, 0, 3, 2);
            assertArrayEquals(filled(64, 2.5f), h.block()[1]); // bus 3 ended the last block at 0.5
        }
    }

    @Test
    void timedBundleStartsTheSynthAtItsFrame() {
        try (EngineHarness h = new EngineHarness()) {
            h.synth(TestSynths.CONST, 1, 0, 1, 1f);
            h.send("/synth/map/output", 1, 0, 0, 1);
            // frame 100 = block 1, offset 36
            h.sendAt(100.0 / 48000, msg("/synth/activate", 1));
            assertArrayEquals(filled(64, 0f), h.block()[0]);
            float[] second = h.block()[0];
            for (int i = 0; i < 64; i++) {
                assertEquals(i < 36 ? 0f : 1f, second[i], "frame " + (64 + i));
            }
            assertArrayEquals(filled(64, 1f), h.block()[0]);
        }
    }

    @Test
    void lateBundlesRunAtOnceAndBundlesKeepTheirOrder() {
        try (EngineHarness h = new EngineHarness()) {
            h.blocks(10);
            h.sendAt(0.0, newSynth(TestSynths.CONST, 1, 0, 1, 1f), msg("/synth/map/output", 1, 0, 0, 1),
                    msg("/synth/activate", 1));
            assertArrayEquals(filled(64, 1f), h.block()[0]);
        }
    }

    @Test
    void nodeSetChangesTheControlAndAcceptsInts() {
        try (EngineHarness h = new EngineHarness()) {
            h.synth(TestSynths.CONST, 1, 0, 1, 1f);
            h.send("/synth/map/output", 1, 0, 0, 1);
            h.send("/synth/activate", 1);
            h.send("/node/set", 1, 0, 3);
            assertArrayEquals(filled(64, 3f), h.block()[0]);
            h.send("/node/set", 1, 0, 0.5f);
            assertArrayEquals(filled(64, 0.5f), h.block()[0]);
        }
    }

    @Test
    void hardwareInputsReachSynths() {
        try (EngineHarness h = new EngineHarness()) {
            Arrays.fill(h.in[1], 0.125f);
            h.synth(TestSynths.CONST, 1, 0, 1, 0f);
            h.send("/synth/map/input", 1, 0, 1, 1);
            h.send("/synth/map/output", 1, 0, 0, 1);
            h.send("/synth/activate", 1);
            assertArrayEquals(filled(64, 0.125f), h.block()[0]);
        }
    }
}
