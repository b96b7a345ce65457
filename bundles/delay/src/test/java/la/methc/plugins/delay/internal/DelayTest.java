package la.methc.plugins.delay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

/**
 * The delay on rendered audio, checked against the analytic impulse response of a feedback comb (an echo at
 * n·d frames of amplitude mix·g^(n−1), the dry part 1 − mix at 0) and against linear interpolation worked
 * out by hand.
 */
class DelayTest {

    private static final double SR = 48000;
    private static final int BLOCK = 64;
    private static final int ID = 7;

    /** A delay bound to a fresh line of {@code frames} (resource {@value #ID}), controls time, feedback, mix. */
    private static BlockRunner runner(int frames, float... controls) {
        BlockRunner r = BlockRunner.of(new DelaySynthDef(), OscArgs.of(ID), SR, BLOCK, controls);
        return r.resource(ID, AudioBuffer.URI, TestLine.of(frames));
    }

    private static float[] impulse(int frames) {
        float[] x = new float[frames];
        x[0] = 1;
        return x;
    }

    private static float[] noise(long seed, int frames) {
        Random r = new Random(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        return x;
    }

    /** The analytic response: 1 − mix at 0, mix·g^(n−1) at n·t, 0 elsewhere. */
    private static double[] comb(int frames, int t, double g, double mix) {
        double[] h = new double[frames];
        h[0] = 1 - mix;
        double a = mix;
        for (int k = t; k < frames; k += t) {
            h[k] = a;
            a *= g;
        }
        return h;
    }

    private static void assertResponse(double[] expected, float[] out, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], out[i], tol, "frame " + i);
        }
    }

    @Test
    void uriPortsAndDefaults() {
        DelaySynthDef def = new DelaySynthDef();
        assertEquals("http://methc.la/plugins/delay", def.uri());
        assertFalse(def.isolated(), "it writes the buffer it reads");
        var ports = new Delay(-1).ports();
        assertEquals(6, ports.size());
        String[] names = {"buffer", "time", "feedback", "mix", "in", "out"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], ports.get(i).name());
        }
        assertEquals(0.25f, ports.get(1).defaultValue());
        assertEquals(0.3f, ports.get(2).defaultValue());
        assertEquals(0.5f, ports.get(3).defaultValue());
    }

    @Test
    void badOptionsAreRefused() {
        DelaySynthDef def = new DelaySynthDef();
        assertThrows(IllegalArgumentException.class, () -> def.construct(null, OscArgs.of(-2)));
        assertThrows(IllegalArgumentException.class, () -> def.construct(null, OscArgs.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> def.construct(null, OscArgs.of("x")));
    }

    @Test
    void echoesAtMultiplesOfTheTime() {
        // 2^-7 s is exact in float: 375 frames at 48 kHz
        int t = 375;
        int frames = 40 * BLOCK * 3;
        float[] out = runner(48000, 0.0078125f, 0.5f, 0.5f).audioInput(0, impulse(frames)).run(frames / BLOCK)[0];
        assertResponse(comb(frames, t, 0.5, 0.5), out, 1e-7);
        assertEquals(0.5 * 0.125, out[4 * t], 1e-9, "the fourth echo: mix·g³");
    }

    @Test
    void negativeFeedbackWetOnly() {
        int t = 375;
        int frames = 40 * BLOCK * 3;
        float[] out = runner(48000, 0.0078125f, -0.6f, 1f).audioInput(0, impulse(frames)).run(frames / BLOCK)[0];
        assertResponse(comb(frames, t, -0.6, 1), out, 1e-6);
    }

    @Test
    void feedbackIsClampedBelowOne() {
        int t = 375;
        int frames = 40 * BLOCK * 3;
        float[] out = runner(48000, 0.0078125f, 5f, 1f).audioInput(0, impulse(frames)).run(frames / BLOCK)[0];
        assertResponse(comb(frames, t, Delay.MAX_FEEDBACK, 1), out, 1e-6);
    }

    @Test
    void fractionalDelayIsLinearlyInterpolated() {
        // 10.5 frames: half the impulse 10 frames later, half 11 frames later; the echo of the echo is that pair
        // convolved with itself, times g: ¼, ½, ¼ of g at 20, 21, 22
        float time = (float) (10.5 / SR);
        int frames = 4 * BLOCK;
        float[] out = runner(1000, time, 0.5f, 1f).audioInput(0, impulse(frames)).run(4)[0];
        double[] expected = new double[frames];
        expected[10] = 0.5;
        expected[11] = 0.5;
        expected[20] = 0.25 * 0.5;
        expected[21] = 0.5 * 0.5;
        expected[22] = 0.25 * 0.5;
        assertResponse(Arrays.copyOf(expected, 30), out, 1e-4);
        double energyElsewhere = 0;
        for (int i = 0; i < 30; i++) {
            if (i < 10 || (i > 11 && i < 20) || i > 22) {
                energyElsewhere += out[i] * out[i];
            }
        }
        assertTrue(energyElsewhere < 1e-12, "energy outside the interpolated taps: " + energyElsewhere);
    }

    @Test
    void timeLongerThanTheBufferIsClamped() {
        // a 1000-frame line and 1 s asked: the delay is 998 frames (length − 2)
        int frames = 40 * BLOCK;
        float[] out = runner(1000, 1f, 0f, 1f).audioInput(0, impulse(frames)).run(40)[0];
        double[] expected = new double[frames];
        expected[998] = 1;
        assertResponse(expected, out, 1e-7);
    }

    @Test
    void withoutABufferOnlyTheDryPathSoundsUntilOneIsBound() {
        float[] x = noise(1, 100 * BLOCK);
        BlockRunner r = BlockRunner.of(new DelaySynthDef(), OscArgs.empty(), SR, BLOCK, 0.0078125f, 0.5f, 0.25f)
                .audioInput(0, x);
        float[] out = r.run(50)[0];
        for (int i = 0; i < out.length; i++) {
            assertEquals(0.75f * x[i], out[i], 1e-6, "frame " + i);
        }
        // /node/set i:id s:buffer i:9: the wet path starts with an empty line, 375 frames after the binding
        TestLine line = TestLine.of(48000);
        Arrays.fill(line.data()[0], 0.9f); // an old recording in the buffer, never heard
        r.resource(9, AudioBuffer.URI, line);
        assertTrue(r.remap(Delay.BUFFER, 9));
        assertEquals(1, r.refcount(9));
        float[] after = r.run(50)[0];
        int at = 50 * BLOCK;
        for (int i = 0; i < 375; i++) {
            assertEquals(0.75f * x[at + i], after[i], 1e-6, "frame " + i + " after binding");
        }
        for (int i = 375; i < 750; i++) {
            assertEquals(0.75 * x[at + i] + 0.25 * x[at + i - 375], after[i], 1e-6, "frame " + i + " after binding");
        }
    }

    @Test
    void bindingHoldsAndReleasesTheBuffer() {
        BlockRunner r = runner(1000);
        r.attach();
        assertEquals(1, r.refcount(ID));
        assertFalse(r.remap(Delay.BUFFER, 99), "no such resource");
        assertFalse(r.remap(Delay.TIME, ID), "not a resource port");
        assertEquals(1, r.refcount(ID));
        r.resource(8, AudioBuffer.URI, TestLine.of(500));
        assertTrue(r.remap(Delay.BUFFER, 8));
        assertEquals(0, r.refcount(ID));
        assertEquals(1, r.refcount(8));
        r.detach();
        assertEquals(0, r.refcount(8));
    }

    @Test
    void aTimeChangeDoesNotClick() {
        // a 440 Hz sine, wet only, the time jumping from 0.1 to 0.3 s half a second in: the output glides
        // (its pitch bends) but no frame jumps by much more than the sine's own slope allows a resampled copy
        int blocks = 750 * 2;
        float[] x = new float[blocks * BLOCK];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / SR));
        }
        BlockRunner r = runner(48000, 0.1f, 0f, 1f).audioInput(0, x);
        float[] before = r.run(375)[0];
        r.control(0, 0.3f);
        float[] after = r.run(blocks - 375)[0];
        double slope = 0.5 * 2 * Math.PI * 440 / SR;
        double maxStep = 0;
        for (int i = 1; i < after.length; i++) {
            maxStep = Math.max(maxStep, Math.abs(after[i] - after[i - 1]));
        }
        maxStep = Math.max(maxStep, Math.abs(after[0] - before[before.length - 1]));
        // a 9,600-frame jump over a 50 ms glide reads at most 1 + 9600/2400 = 5 times as fast: well under a click
        assertTrue(maxStep < 5.5 * slope, "largest step " + maxStep + " against the sine's " + slope);
        // a second later the glide is over (9,600·e^−20 frames to go): the output is the input 0.3 s back
        int at = 375 * BLOCK;
        for (int i = 48000; i < after.length; i++) {
            assertEquals(x[at + i - 14400], after[i], 1e-4, "frame " + i + " after the change");
        }
    }
}
