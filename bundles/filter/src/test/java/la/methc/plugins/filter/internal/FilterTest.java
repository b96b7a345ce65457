package la.methc.plugins.filter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/**
 * The filter on rendered audio, checked against the analog 2-pole prototypes through the prewarped bilinear
 * transform, computed here from their formulas (not from the filter's code). The issue asks for ±1 dB; they
 * agree within 1e-4 dB, so the response test holds them to 0.1 dB.
 */
class FilterTest {

    private static final double SR = 48000;
    private static final int BLOCK = 64;
    /** One second of blocks. */
    private static final int BLOCKS = 750;

    private static BlockRunner runner(int mode, float... controls) {
        return BlockRunner.of(new FilterSynthDef(), OscArgs.of(mode), SR, BLOCK, controls);
    }

    private static float[] sine(double freq, double amp, int frames) {
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = (float) (amp * Math.sin(2 * Math.PI * freq * n / SR));
        }
        return x;
    }

    private static float[] noise(long seed, int frames) {
        Random r = new Random(seed);
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = (float) (2 * r.nextDouble() - 1);
        }
        return x;
    }

    /** |H| of the analog prototype at the bilinear image of {@code f}: Ω = tan(πf/fs) / tan(πfc/fs). */
    private static double analytic(int mode, double f, double fc, double q) {
        double w = Math.tan(Math.PI * f / SR) / Math.tan(Math.PI * fc / SR);
        double k = 1 / q;
        double den = Math.hypot(1 - w * w, k * w);
        return switch (mode) {
            case 0 -> 1 / den;
            case 1 -> w * w / den;
            default -> k * w / den;
        };
    }

    /** Gain in dB of a sine through the filter: RMS of the second half-second over that of the input. */
    private static double measuredDb(int mode, double f, float fc, float q) {
        float[] out = runner(mode, fc, q).audioInput(0, sine(f, 0.5, BLOCKS * BLOCK)).run(BLOCKS)[0];
        double rms = Signals.rms(Signals.slice(out, 24000, 48000));
        return 20 * Math.log10(rms / (0.5 / Math.sqrt(2)));
    }

    @Test
    void uriPortsAndDefaults() {
        FilterSynthDef def = new FilterSynthDef();
        assertEquals("http://methc.la/plugins/filter", def.uri());
        assertTrue(def.isolated());
        var ports = new Filter(0).ports();
        assertEquals(4, ports.size());
        assertEquals("in", ports.get(0).name());
        assertEquals("cutoff", ports.get(1).name());
        assertEquals(1000f, ports.get(1).defaultValue());
        assertEquals("q", ports.get(2).name());
        assertEquals(0.707f, ports.get(2).defaultValue());
        assertEquals("out", ports.get(3).name());
    }

    @Test
    void badModesAreRefused() {
        FilterSynthDef def = new FilterSynthDef();
        assertThrows(IllegalArgumentException.class, () -> def.construct(null, OscArgs.of(3)));
        assertThrows(IllegalArgumentException.class, () -> def.construct(null, OscArgs.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> def.construct(null, OscArgs.of("lowpass")));
    }

    @Test
    void magnitudeResponseOfEachModeIsTheAnalyticOne() {
        double[][] cases = {{1000, 0.707}, {1000, 5}, {300, 0.5}, {5000, 2}};
        double[] multiples = {0.25, 0.5, 1, 2, 4};
        for (int mode = 0; mode <= 2; mode++) {
            for (double[] c : cases) {
                for (double m : multiples) {
                    double f = c[0] * m;
                    double expected = 20 * Math.log10(analytic(mode, f, c[0], c[1]));
                    double measured = measuredDb(mode, f, (float) c[0], (float) c[1]);
                    assertEquals(expected, measured, 0.1, "mode " + mode + " fc " + c[0] + " q " + c[1] + " f " + f);
                }
            }
        }
    }

    @Test
    void defaultsAreALowpassAt1kHzButterworth() {
        BlockRunner r = BlockRunner.of(new FilterSynthDef(), OscArgs.empty(), SR, BLOCK);
        float[] out = r.audioInput(0, sine(1000, 0.5, BLOCKS * BLOCK)).run(BLOCKS)[0];
        double db = 20 * Math.log10(Signals.rms(Signals.slice(out, 24000, 48000)) / (0.5 / Math.sqrt(2)));
        assertEquals(-3.0, db, 0.1); // a Butterworth lowpass is 3 dB down at its cutoff
    }

    @Test
    void lowpassFallsTwelveDbPerOctaveFarAboveCutoff() {
        for (double f : new double[] {1600, 3200}) {
            double slope = measuredDb(0, f, 100f, 0.707f) - measuredDb(0, 2 * f, 100f, 0.707f);
            assertEquals(12, slope, 1.5, "octave above " + f);
        }
    }

    @Test
    void highpassRisesTwelveDbPerOctaveFarBelowCutoff() {
        double slope = measuredDb(1, 1000, 16000f, 0.707f) - measuredDb(1, 500, 16000f, 0.707f);
        assertEquals(12, slope, 1.5);
    }

    @Test
    void sweepsToNyquistAndExtremeQStayFiniteAndBounded() {
        int blocks = 3000;
        float[] x = noise(17, blocks * BLOCK);
        float[] cutoffs = new float[blocks];
        float[] qs = new float[blocks];
        for (int b = 0; b < blocks; b++) {
            double t = (double) (b % 1000) / 999; // three sweeps up
            cutoffs[b] = (float) (20 * Math.pow(23900.0 / 20, t));
            qs[b] = (float) (0.01 * Math.pow(100 / 0.01, (double) b / (blocks - 1)));
        }
        for (int mode = 0; mode <= 2; mode++) {
            BlockRunner r = runner(mode, 20f, 0.01f).audioInput(0, x);
            r.changes().sequence("cutoff", 0, 1, cutoffs).sequence("q", 0, 1, qs);
            float[] out = r.run(blocks)[0];
            for (int n = 0; n < out.length; n++) {
                assertTrue(Float.isFinite(out[n]), "mode " + mode + " block " + n / BLOCK);
            }
            // noise of peak 1: the highest resonance gain is q = 100 (lowpass and highpass at the cutoff)
            assertTrue(Signals.peak(out) < 200, "mode " + mode + " peak " + Signals.peak(out));
        }
    }

    @Test
    void outOfRangeAndNonFiniteControlsAreClampedOrHeld() {
        float[] x = noise(5, 400 * BLOCK);
        float[][] settings = {{1e6f, 1e-9f}, {-5f, 0f}, {23999f, -3f}, {Float.NaN, Float.NaN},
            {Float.POSITIVE_INFINITY, 1e9f}, {1000f, Float.NEGATIVE_INFINITY}};
        for (int mode = 0; mode <= 2; mode++) {
            BlockRunner r = runner(mode).audioInput(0, x);
            for (float[] s : settings) {
                r.control(0, s[0]).control(1, s[1]);
                float[] out = r.run(50)[0];
                for (float v : out) {
                    assertTrue(Float.isFinite(v), "mode " + mode + " cutoff " + s[0] + " q " + s[1]);
                }
                assertTrue(Signals.peak(out) < 1e4, "mode " + mode + " peak " + Signals.peak(out));
            }
        }
    }

    @Test
    void aCutoffJumpDoesNotClick() {
        // a 440 Hz sine of amplitude 0.5 through a lowpass whose cutoff jumps from 200 Hz to 8 kHz and back
        for (float[] jump : new float[][] {{200f, 8000f}, {8000f, 200f}}) {
            for (int mode = 0; mode <= 2; mode++) {
                BlockRunner r = runner(mode, jump[0], 0.707f).audioInput(0, sine(440, 0.5, 400 * BLOCK));
                r.changes().setAt(200, "cutoff", jump[1]);
                float[] around = Signals.slice(r.run(400)[0], 190 * BLOCK, 210 * BLOCK);
                // the steepest step a 440 Hz sine of the input's amplitude takes, i.e. of the passband signal
                double sineStep = 0.5 * 2 * Math.PI * 440 / SR;
                double step = Signals.maxStep(around);
                assertTrue(step < 1.5 * sineStep, "mode " + mode + " " + jump[0] + " -> " + jump[1] + " Hz: step "
                        + step + " vs " + sineStep);
            }
        }
    }

    @Test
    void silenceInSilenceOut() {
        float[] out = runner(0).run(100)[0];
        assertEquals(0.0, Signals.peak(out));
    }

    @Test
    void startsAtTheOffset() {
        float[] out = runner(0).audioInput(0, sine(440, 0.5, 10 * BLOCK)).run(2, 10)[0];
        for (int n = 0; n < 10; n++) {
            assertEquals(0f, out[n]);
        }
        assertTrue(Signals.peak(Signals.slice(out, 10, out.length)) > 0);
    }

    /** isolated(): each mode on two threads at once gives what it gives alone, cutoff and q moving. */
    @Test
    void twoSynthsOnTwoThreadsGiveTheSameAudio() {
        float[] x = noise(23, 300 * BLOCK);
        for (int mode = 0; mode <= 2; mode++) {
            SynthChecks.assertSameOnTwoThreads(new FilterSynthDef(), OscArgs.of(mode), SR, BLOCK, 300,
                    r -> r.audioInput(0, x).changes().ramp("cutoff", 0, 299, 100f, 12000f)
                            .sequence("q", 0, 60, 0.5f, 4f, 0.707f, 20f, 1f));
        }
    }
}
