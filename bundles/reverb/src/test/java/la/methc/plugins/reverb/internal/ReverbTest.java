package la.methc.plugins.reverb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.SynthChecks;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

class ReverbTest {

    /** Freeverb's own rate: the delay lines have its tuning's lengths exactly. */
    private static final double SR = 44100;
    private static final int BLOCK = 64;

    private static float[] noise(int frames, long seed) {
        Random random = new Random(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static float[] impulse(int frames) {
        float[] x = new float[frames];
        x[0] = 1f;
        return x;
    }

    /** A mono impulse on both inputs, {@code seconds} long, rendered with controls room, damp, mix. */
    private static float[][] impulseResponse(double seconds, float room, float damp, float mix) {
        int blocks = (int) Math.ceil(seconds * SR / BLOCK);
        float[] in = impulse(BLOCK);
        return BlockRunner.of(new ReverbSynthDef(), OscArgs.empty(), SR, BLOCK, room, damp, mix)
                .audioInput(0, in).audioInput(1, in).run(blocks);
    }

    @Test
    void uriPortsAndIsolation() {
        ReverbSynthDef def = new ReverbSynthDef();
        assertEquals("http://methc.la/plugins/reverb", def.uri());
        assertTrue(def.isolated());
        assertEquals(List.of(PortDescriptor.audioInput("inLeft"), PortDescriptor.audioInput("inRight"),
                PortDescriptor.controlInput("room", 0.5f), PortDescriptor.controlInput("damp", 0.5f),
                PortDescriptor.controlInput("mix", 0.33f), PortDescriptor.audioOutput("outLeft"),
                PortDescriptor.audioOutput("outRight")),
                def.construct(new TestHost(SR, BLOCK), OscArgs.empty()).ports());
    }

    /** Freeverb's tuning at 44.1 kHz, the right channel 23 frames longer; scaled by rate/44100 elsewhere. */
    @Test
    void combLengthsAreFreeverbsTuningScaledToTheRate() {
        Reverb at44 = (Reverb) new ReverbSynthDef().construct(new TestHost(44100, BLOCK), OscArgs.empty());
        assertArrayEquals(new int[] {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617}, at44.combLengths(0));
        assertArrayEquals(new int[] {1139, 1211, 1300, 1379, 1445, 1514, 1580, 1640}, at44.combLengths(1));
        Reverb at96 = (Reverb) new ReverbSynthDef().construct(new TestHost(96000, BLOCK), OscArgs.empty());
        // 1116 · 96000 / 44100 = 2429.39, 1617 · 96000 / 44100 = 3520.0
        assertEquals(2429, at96.combLengths(0)[0]);
        assertEquals(3520, at96.combLengths(0)[7]);
    }

    /**
     * An impulse (damp 0: the combs are plain feedback combs, g = room·0.28 + 0.7) gives a tail whose energy
     * decays; RT60 from the Schroeder energy decay curve of the left tail lies between the analytic RT60s of
     * the shortest and the longest comb, −3·d/(sr·log10 g), and is longer for room 0.9 than for room 0.3.
     */
    @Test
    void anImpulseGivesATailThatDecaysLongerForALargerRoom() {
        double small = rt60(impulseResponse(3, 0.3f, 0f, 1f)[0]);
        double large = rt60(impulseResponse(10, 0.9f, 0f, 1f)[0]);
        double[] smallBounds = combRt60s(0.3);
        double[] largeBounds = combRt60s(0.9);
        assertTrue(Double.isFinite(small) && Double.isFinite(large), small + " " + large);
        assertTrue(small > smallBounds[0] * 0.9 && small < smallBounds[1] * 1.1,
                "room 0.3: RT60 " + small + " s, combs " + smallBounds[0] + " … " + smallBounds[1]);
        assertTrue(large > largeBounds[0] * 0.9 && large < largeBounds[1] * 1.1,
                "room 0.9: RT60 " + large + " s, combs " + largeBounds[0] + " … " + largeBounds[1]);
        assertTrue(large > 2 * small, "room 0.9 " + large + " s, room 0.3 " + small + " s");
        // with damping too, the energy of the tail falls second by second
        float[] damped = impulseResponse(3, 0.5f, 0.5f, 1f)[0];
        double e0 = energy(damped, 0, 44100);
        double e1 = energy(damped, 44100, 88200);
        double e2 = energy(damped, 88200, 132300);
        assertTrue(e0 > 0 && e1 < e0 / 10 && e2 < e1 / 10, e0 + " " + e1 + " " + e2);
    }

    /** RT60 in seconds of the shortest and the longest left comb alone, at room {@code room}, damp 0. */
    private static double[] combRt60s(double room) {
        double g = room * 0.28 + 0.7;
        return new double[] {-3 * 1116 / (SR * Math.log10(g)), -3 * 1617 / (SR * Math.log10(g))};
    }

    /** RT60 from the slope of the Schroeder backward-integrated energy between −5 and −25 dB. */
    private static double rt60(float[] x) {
        double[] edc = new double[x.length];
        double sum = 0;
        for (int i = x.length - 1; i >= 0; i--) {
            sum += (double) x[i] * x[i];
            edc[i] = sum;
        }
        int a = -1;
        int b = -1;
        for (int i = 0; i < x.length; i++) {
            double db = 10 * Math.log10(edc[i] / edc[0]);
            if (a < 0 && db <= -5) {
                a = i;
            }
            if (b < 0 && db <= -25) {
                b = i;
                break;
            }
        }
        if (a < 0 || b < 0) {
            return Double.POSITIVE_INFINITY;
        }
        // least squares of dB against time between a and b
        double st = 0, sd = 0, stt = 0, std = 0;
        int n = b - a + 1;
        for (int i = a; i <= b; i++) {
            double t = i / SR;
            double db = 10 * Math.log10(edc[i] / edc[0]);
            st += t;
            sd += db;
            stt += t * t;
            std += t * db;
        }
        double slope = (n * std - st * sd) / (n * stt - st * st);
        return -60 / slope;
    }

    private static double energy(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += (double) x[i] * x[i];
        }
        return e;
    }

    @Test
    void mixZeroPassesTheInputExactly() {
        float[] left = noise(BLOCK * 100, 1);
        float[] right = noise(BLOCK * 100, 2);
        float[][] out = BlockRunner.of(new ReverbSynthDef(), OscArgs.empty(), SR, BLOCK, 0.9f, 0.2f, 0f)
                .audioInput(0, left).audioInput(1, right).run(100);
        assertArrayEquals(left, out[0]);
        assertArrayEquals(right, out[1]);
    }

    /** A mono impulse on both inputs: the two tails differ, their normalised correlation is below 0.5. */
    @Test
    void leftAndRightTailsAreDecorrelated() {
        float[][] out = impulseResponse(2, 0.5f, 0.5f, 1f);
        double lr = 0;
        double ll = 0;
        double rr = 0;
        for (int i = 0; i < out[0].length; i++) {
            lr += (double) out[0][i] * out[1][i];
            ll += (double) out[0][i] * out[0][i];
            rr += (double) out[1][i] * out[1][i];
        }
        double correlation = lr / Math.sqrt(ll * rr);
        assertTrue(ll > 0 && rr > 0);
        assertTrue(Math.abs(correlation) < 0.5, "correlation " + correlation);
    }

    /** The share of the tail's energy above 5 kHz (a DFT written here, over 0.25 … 0.34 s) falls as damp rises. */
    @Test
    void moreDampLeavesLessHighFrequencyEnergy() {
        double none = highShare(impulseResponse(0.4, 0.7f, 0f, 1f)[0]);
        double half = highShare(impulseResponse(0.4, 0.7f, 0.5f, 1f)[0]);
        double full = highShare(impulseResponse(0.4, 0.7f, 1f, 1f)[0]);
        assertTrue(half < none / 2 && full < half / 2, "share above 5 kHz: damp 0 " + none + ", 0.5 " + half
                + ", 1 " + full);
    }

    private static double highShare(float[] x) {
        int n = 4096;
        int from = (int) (0.25 * SR);
        double high = 0;
        double all = 0;
        for (int k = 1; k < n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n); // Hann
                double phase = 2 * Math.PI * k * i / n;
                re += w * x[from + i] * Math.cos(phase);
                im -= w * x[from + i] * Math.sin(phase);
            }
            double p = re * re + im * im;
            all += p;
            if (k * SR / n > 5000) {
                high += p;
            }
        }
        return high / all;
    }

    /** 60 s of white noise at room 1, damp 0, wet only: every frame finite, the level bounded and not growing. */
    @Test
    void sixtySecondsOfNoiseAtTheLargestRoomStayBounded() {
        int blocksPerSecond = (int) (SR / BLOCK);
        float[] in = noise(blocksPerSecond * BLOCK * 60, 3);
        BlockRunner r = BlockRunner.of(new ReverbSynthDef(), OscArgs.empty(), SR, BLOCK, 1f, 0f, 1f)
                .audioInput(0, in).audioInput(1, noise(in.length, 4));
        double[] rms = new double[60];
        for (int s = 0; s < 60; s++) {
            float[][] out = r.run(blocksPerSecond);
            for (float[] ch : out) {
                for (float v : ch) {
                    assertTrue(Float.isFinite(v), "second " + s);
                }
                assertTrue(Signals.peak(ch) < 20, "second " + s + ": peak " + Signals.peak(ch));
            }
            rms[s] = Signals.rms(out[0]);
        }
        assertTrue(rms[59] > 0.01 && rms[59] < 1.5 * rms[10], "rms at 10 s " + rms[10] + ", at 59 s " + rms[59]);
    }

    /**
     * A jump of mix from 0 to 1 on a DC input of 1, before the first echo (1116 frames): the output is the dry
     * part only, (1 − mix)·1, so it must fall by a ramp of 5 ms (220.5 frames, rounded to 221), no step above 1/221, to exactly 0.
     */
    @Test
    void aJumpOfMixRampsWithoutAClick() {
        float[] ones = new float[BLOCK * 17];
        java.util.Arrays.fill(ones, 1f);
        BlockRunner r = BlockRunner.of(new ReverbSynthDef(), OscArgs.empty(), SR, BLOCK, 0.5f, 0.5f, 0f)
                .audioInput(0, ones).audioInput(1, ones);
        float[] a = r.run(4)[0];
        r.control(2, 1f);
        float[] b = r.run(13)[0]; // to frame 1088, before the first echo
        for (float v : a) {
            assertEquals(1f, v);
        }
        for (int i = 0; i < b.length; i++) {
            float previous = i == 0 ? 1f : b[i - 1];
            assertTrue(previous - b[i] <= 1.001 / 221 && b[i] <= previous, "frame " + i + ": " + b[i]);
            if (i >= 220) {
                assertEquals(0f, b[i], "frame " + i);
            }
        }
        assertTrue(b[219] > 0, "the ramp lasts 221 frames");
    }

    /** isolated(): two reverbs processed at once on two threads give what one gives alone, the controls moving. */
    @Test
    void twoSynthsOnTwoThreadsGiveTheSameAudio() {
        float[] left = noise(BLOCK * 400, 5);
        float[] right = noise(BLOCK * 400, 6);
        SynthChecks.assertSameOnTwoThreads(new ReverbSynthDef(), OscArgs.empty(), SR, BLOCK, 400, r -> {
            r.audioInput(0, left).audioInput(1, right);
            for (int b = 0; b < 10; b++) { // room, damp and mix move every 40 blocks
                r.changes().setAt(40 * b, "room", b / 10f).setAt(40 * b, "damp", 1 - b / 10f)
                        .setAt(40 * b, "mix", (b % 3) / 2f);
            }
        });
    }
}
