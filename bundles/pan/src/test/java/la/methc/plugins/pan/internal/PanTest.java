package la.methc.plugins.pan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

class PanTest {

    private static final double SR = 48000;
    private static final int BLOCK = 64;
    /** 1/√2, written out. */
    private static final double HALF_ROOT_TWO = 0.70710678118654752;

    private static float[] noise(int frames) {
        Random random = new Random(17);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static float[] ones(int frames) {
        float[] x = new float[frames];
        java.util.Arrays.fill(x, 1f);
        return x;
    }

    private static BlockRunner runner(int block, float[] in, float... controls) {
        return BlockRunner.of(new PanSynthDef(), OscArgs.empty(), SR, block, controls).audioInput(0, in);
    }

    @Test
    void uriPortsAndIsolation() {
        PanSynthDef def = new PanSynthDef();
        assertEquals("http://methc.la/plugins/pan", def.uri());
        assertTrue(def.isolated());
        assertEquals(List.of(PortDescriptor.audioInput("in"), PortDescriptor.controlInput("pos", 0f),
                PortDescriptor.audioOutput("left"), PortDescriptor.audioOutput("right")),
                def.construct(null, OscArgs.empty()).ports());
    }

    /**
     * The pan law from its closed forms, not from the code's formula: θ = 0, π/8, π/4, 3π/8, π/2, with
     * cos(π/8) = √(2+√2)/2 and sin(π/8) = √(2−√2)/2.
     */
    @Test
    void gainsFollowTheEqualPowerLaw() {
        double c8 = Math.sqrt(2 + Math.sqrt(2)) / 2;
        double s8 = Math.sqrt(2 - Math.sqrt(2)) / 2;
        float[] positions = {-1f, -0.5f, 0f, 0.5f, 1f};
        double[][] gains = {{1, 0}, {c8, s8}, {HALF_ROOT_TWO, HALF_ROOT_TWO}, {s8, c8}, {0, 1}};
        float[] in = noise(BLOCK * 20);
        for (int k = 0; k < positions.length; k++) {
            float[][] out = runner(BLOCK, in, positions[k]).run(20);
            // the formula the def documents agrees with the closed forms
            double theta = (positions[k] + 1) * Math.PI / 4;
            assertEquals(gains[k][0], Math.cos(theta), 1e-12);
            assertEquals(gains[k][1], Math.sin(theta), 1e-12);
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i] * gains[k][0], out[0][i], 1e-6, "left, pos " + positions[k] + " frame " + i);
                assertEquals(in[i] * gains[k][1], out[1][i], 1e-6, "right, pos " + positions[k] + " frame " + i);
            }
            // a unit input shows the gains themselves: left² + right² = 1
            float[][] unit = runner(BLOCK, ones(BLOCK * 4), positions[k]).run(4);
            for (int i = 0; i < BLOCK * 4; i++) {
                double l = unit[0][i];
                double r = unit[1][i];
                assertEquals(gains[k][0], l, 1e-6);
                assertEquals(gains[k][1], r, 1e-6);
                assertEquals(1.0, l * l + r * r, 1e-6, "power at pos " + positions[k]);
            }
        }
    }

    @Test
    void defaultIsTheCentre() {
        float[][] out = runner(BLOCK, ones(BLOCK * 3)).run(3);
        for (int i = 0; i < BLOCK * 3; i++) {
            assertEquals(HALF_ROOT_TWO, out[0][i], 1e-7);
            assertEquals(HALF_ROOT_TWO, out[1][i], 1e-7);
        }
    }

    /**
     * A jump from hard left to hard right on a unit input: unsmoothed, each side would step by 1 in one frame;
     * here θ ramps over 5 ms (240 frames at 48 kHz), so no frame-to-frame step exceeds (π/2)/240 ≈ 0.0065, the
     * power stays 1 throughout, and the new position is reached exactly after the ramp. Block sizes below and
     * above the ramp's length.
     */
    @Test
    void aJumpAcrossTheFieldDoesNotClick() {
        int ramp = 240;
        double bound = (Math.PI / 2) / ramp * 1.001;
        for (int block : new int[] {16, 64, 1024}) {
            int before = Math.max(4, 2048 / block);
            int after = Math.max(4, 4096 / block);
            BlockRunner r = runner(block, ones(block * (before + after)), -1f);
            float[][] a = r.run(before);
            assertEquals(1f, a[0][a[0].length - 1]);
            assertEquals(0f, a[1][a[1].length - 1]);
            r.control(0, 1f);
            float[][] b = r.run(after);
            for (int ch = 0; ch < 2; ch++) {
                float[] all = concat(a[ch], b[ch]);
                assertTrue(Signals.maxStep(all) <= bound, "block " + block + " channel " + ch + ": max step "
                        + Signals.maxStep(all));
            }
            for (int i = 0; i < b[0].length; i++) {
                double l = b[0][i];
                double rr = b[1][i];
                assertEquals(1.0, l * l + rr * rr, 1e-6, "power at frame " + i + " of the ramp, block " + block);
                if (i > 0) {
                    assertTrue(l <= b[0][i - 1] && rr >= b[1][i - 1], "monotone ramp, frame " + i);
                }
                if (i >= ramp - 1) {
                    assertEquals(0.0, l, 1e-7, "left after the ramp, frame " + i);
                    assertEquals(1.0, rr, 1e-7, "right after the ramp, frame " + i);
                }
            }
            assertTrue(b[1][ramp - 2] < 1f, "the ramp lasts 5 ms, block " + block);
        }
    }

    @Test
    void aNewGoalMidRampTurnsBackWithoutAStep() {
        BlockRunner r = runner(BLOCK, ones(BLOCK * 40), -1f);
        float[] a = r.run(4)[0];
        r.control(0, 1f);
        float[] b = r.run(2)[0]; // half way
        r.control(0, -1f);
        float[] c = r.run(10)[0];
        float[] all = concat(concat(a, b), c);
        assertTrue(Signals.maxStep(all) <= (Math.PI / 2) / 240 * 1.001, "max step " + Signals.maxStep(all));
        assertEquals(1f, c[c.length - 1], 1e-7);
    }

    @Test
    void positionsOutsideTheRangeAreClampedAndNaNKeepsThePosition() {
        float[] in = noise(BLOCK * 8);
        float[][] hardRight = runner(BLOCK, in, 1f).run(8);
        float[][] hardLeft = runner(BLOCK, in, -1f).run(8);
        for (float p : new float[] {1.0001f, 3f, 1e30f, Float.POSITIVE_INFINITY}) {
            assertSame(hardRight, runner(BLOCK, in, p).run(8), "pos " + p);
        }
        for (float p : new float[] {-1.0001f, -7f, Float.NEGATIVE_INFINITY}) {
            assertSame(hardLeft, runner(BLOCK, in, p).run(8), "pos " + p);
        }
        // NaN from the start: the default centre
        float[][] nan = runner(BLOCK, ones(BLOCK), Float.NaN).run(1);
        assertEquals(HALF_ROOT_TWO, nan[0][BLOCK - 1], 1e-7);
        // NaN later: the position stays where it was
        BlockRunner r = runner(BLOCK, in, 1f);
        r.run(2);
        r.control(0, Float.NaN);
        float[][] held = r.run(6);
        for (int i = 0; i < held[0].length; i++) {
            assertEquals(0f, held[0][i], 1e-6);
            assertEquals(in[2 * BLOCK + i], held[1][i], 1e-6);
        }
    }

    @Test
    void startsAtItsPositionAtTheOffset() {
        float[] in = noise(BLOCK * 2);
        float[][] out = runner(BLOCK, in, 0.5f).run(2, 23);
        double l = Math.cos(3 * Math.PI / 8);
        double r = Math.sin(3 * Math.PI / 8);
        for (int i = 0; i < in.length; i++) {
            assertEquals(i < 23 ? 0 : in[i] * l, out[0][i], 1e-6, "frame " + i);
            assertEquals(i < 23 ? 0 : in[i] * r, out[1][i], 1e-6, "frame " + i);
        }
    }

    /** isolated(): two synths processed at once on two threads give what one gives alone, the position moving. */
    @Test
    void twoSynthsOnTwoThreadsGiveTheSameAudio() {
        float[] in = noise(BLOCK * 200);
        SynthChecks.assertSameOnTwoThreads(new PanSynthDef(), OscArgs.empty(), SR, BLOCK, 200, r -> {
            r.audioInput(0, in).control("pos", -1f);
            for (int b = 0; b < 20; b++) { // a new position every 10 blocks: ramps in most of them
                r.changes().setAt(10 * b, "pos", (float) Math.sin(b));
            }
        });
    }

    private static void assertSame(float[][] expected, float[][] actual, String what) {
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < expected[ch].length; i++) {
                assertEquals(expected[ch][i], actual[ch][i], what + " channel " + ch + " frame " + i);
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] all = new float[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
