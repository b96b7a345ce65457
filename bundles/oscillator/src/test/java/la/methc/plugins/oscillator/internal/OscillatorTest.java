package la.methc.plugins.oscillator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

class OscillatorTest {

    private static final double SR = 48000;
    private static final int BLOCK = 64;
    /** One second of blocks. */
    private static final int BLOCKS = 750;

    private static BlockRunner runner(int shape, float... controls) {
        return BlockRunner.of(new OscillatorSynthDef(), OscArgs.of(shape), SR, BLOCK, controls);
    }

    @Test
    void uriAndIsolated() {
        OscillatorSynthDef def = new OscillatorSynthDef();
        assertEquals("http://methc.la/plugins/oscillator", def.uri());
        assertTrue(def.isolated());
    }

    @Test
    void defaultsToA440HzSineAtFullAmplitude() {
        float[] out = BlockRunner.of(new OscillatorSynthDef(), OscArgs.empty(), SR, BLOCK).run(BLOCKS)[0];
        assertEquals(440, Signals.frequency(out, SR), 0.5);
        assertEquals(1.0, Signals.peak(out), 1e-3);
        for (int n = 0; n < out.length; n += 97) {
            assertEquals(Math.sin(2 * Math.PI * 440 * n / SR), out[n], 1e-5, "frame " + n);
        }
    }

    @Test
    void refusesABadShapeWithAClearMessage() {
        OscillatorSynthDef def = new OscillatorSynthDef();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockRunner.of(def, OscArgs.of(4), SR, BLOCK));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlockRunner.of(def, OscArgs.of(-1), SR, BLOCK));
        assertThrows(IllegalArgumentException.class, () -> BlockRunner.of(def, OscArgs.of(1, 2), SR, BLOCK));
        assertThrows(IllegalArgumentException.class, () -> BlockRunner.of(def, OscArgs.of("saw"), SR, BLOCK));
    }

    /**
     * Each shape's fundamental: its frequency from zero crossings, its amplitude by a DFT against the Fourier
     * series of the ideal shape of peak a: sine a, saw 2a/π, square 4a/π, triangle 8a/π²; and its peak.
     */
    @Test
    void fundamentalFrequencyAndAmplitudeOfEachShape() {
        double a = 0.5;
        double[] fundamental = {a, 2 * a / Math.PI, 4 * a / Math.PI, 8 * a / (Math.PI * Math.PI)};
        String[] names = {"sine", "saw", "square", "triangle"};
        for (int shape = 0; shape < 4; shape++) {
            for (float f : new float[] {440f, 1000f}) {
                float[] out = runner(shape, f, (float) a).run(BLOCKS)[0];
                String what = names[shape] + " at " + f + " Hz";
                assertEquals(f, Signals.frequency(out, SR), 0.5, what);
                assertEquals(fundamental[shape], Dft.amplitude(out, f, SR), fundamental[shape] * 0.01, what);
                assertEquals(0, Signals.mean(out), 1e-3, what + ": DC");
                // the sample grid misses the peak by up to a sample (and PolyBLEP rounds the saw's), never above
                double peak = Signals.peak(out);
                assertTrue(peak <= a * 1.001 && peak >= a * (1 - 4 * f / SR), what + ": peak " + peak);
            }
        }
    }

    /**
     * A 1,234 Hz saw at 48 kHz, half a second (617 whole cycles, so every harmonic and every alias, all even
     * numbers of Hz, sits on a DFT bin: no leakage). Every bin that is not a harmonic k·1234 below Nyquist is
     * an alias (folded back from |k·1234 − m·48000|) or noise. The strongest of them stays at least 25 dB below
     * the fundamental and below the harmonics' energy. A naive saw, made here, passes that too at 1,234 Hz
     * (by ~26–28 dB), so the test also asks for what PolyBLEP buys: the strongest alias below 12 kHz (where
     * it is most audible, away from the harmonics it sits between) at least 45 dB below the fundamental and
     * 15 dB below the naive saw's.
     */
    @Test
    void sawAliasesStayAtLeast25DbBelowItsHarmonics() {
        double f0 = 1234;
        float[] saw = runner(Waveform.SAW, (float) f0, 1f).run(BLOCKS)[0];
        float[] x = Signals.slice(saw, 4800, 4800 + 24000);
        float[] naive = new float[x.length];
        for (int n = 0; n < naive.length; n++) {
            double t = f0 * (n + 4800) / SR + 0.5;
            naive[n] = (float) (2 * (t - Math.floor(t)) - 1);
        }
        double[] polyBlep = aliasFigures(x, f0);
        double[] plain = aliasFigures(naive, f0);
        System.out.printf("saw 1234 Hz, dB below the fundamental / the harmonics' energy to the strongest"
                + " non-harmonic bin, and from the fundamental to the strongest one below 12 kHz: PolyBLEP %.1f,"
                + " %.1f, %.1f; naive %.1f, %.1f, %.1f%n",
                polyBlep[0], polyBlep[1], polyBlep[2], plain[0], plain[1], plain[2]);
        assertTrue(polyBlep[0] >= 25, "strongest alias only " + polyBlep[0] + " dB below the fundamental");
        assertTrue(polyBlep[1] >= 25, "strongest alias only " + polyBlep[1] + " dB below the harmonics");
        assertTrue(polyBlep[2] >= 45, "strongest alias below 12 kHz only " + polyBlep[2] + " dB down");
        assertTrue(polyBlep[2] >= plain[2] + 15, "naive " + plain[2] + " dB, PolyBLEP " + polyBlep[2] + " dB");
        // the harmonics themselves are those of a saw (1/k), up to the PolyBLEP's gentle roll-off
        for (int k = 1; k <= 3; k++) {
            assertEquals(2 / (Math.PI * k), Dft.amplitude(x, k * f0, SR), 0.03 * 2 / (Math.PI * k), "harmonic " + k);
        }
    }

    /**
     * {dB from the fundamental to the strongest non-harmonic bin, dB from the harmonics' total energy to it,
     * dB from the fundamental to the strongest non-harmonic bin below 12 kHz}.
     */
    private static double[] aliasFigures(float[] x, double f0) {
        double binHz = SR / x.length; // 2 Hz
        int harmonicBins = (int) Math.round(f0 / binHz);
        double strongest = 0;
        double strongestLow = 0;
        double harmonicEnergy = 0;
        for (int bin = 0; bin <= x.length / 2; bin++) {
            double amp = Dft.amplitude(x, bin * binHz, SR);
            if (bin > 0 && bin % harmonicBins == 0) {
                harmonicEnergy += amp * amp;
            } else {
                strongest = Math.max(strongest, amp);
                if (bin * binHz < 12000) {
                    strongestLow = Math.max(strongestLow, amp);
                }
            }
        }
        double fundamental = Dft.amplitude(x, f0, SR);
        return new double[] {Dft.db(fundamental / strongest), Dft.db(Math.sqrt(harmonicEnergy) / strongest),
            Dft.db(fundamental / strongestLow)};
    }

    /** A square is odd-symmetric over half a period: its even harmonics stay 60 dB below its fundamental. */
    @Test
    void squareHasNoEvenHarmonics() {
        double f0 = 1234;
        float[] x = Signals.slice(runner(Waveform.SQUARE, (float) f0, 1f).run(BLOCKS)[0], 4800, 4800 + 24000);
        double fundamental = Dft.amplitude(x, f0, SR);
        assertEquals(4 / Math.PI, fundamental, 0.01 * 4 / Math.PI);
        for (int k = 2; k * f0 < SR / 2; k += 2) {
            double even = Dft.amplitude(x, k * f0, SR);
            assertTrue(Dft.db(fundamental / even) >= 60, "harmonic " + k + " only "
                    + Dft.db(fundamental / even) + " dB below the fundamental");
        }
        // odd harmonics as the Fourier series says (4/πk), less PolyBLEP's roll-off (5 % at 6 kHz)
        assertEquals(4 / (Math.PI * 3), Dft.amplitude(x, 3 * f0, SR), 0.03 * 4 / (Math.PI * 3), "harmonic 3");
        assertEquals(4 / (Math.PI * 5), Dft.amplitude(x, 5 * f0, SR), 0.08 * 4 / (Math.PI * 5), "harmonic 5");
    }

    /**
     * amp 0.1 → 1 when the sine is at its peak (187.5 Hz: a period of 4 blocks; the change comes after 5
     * blocks, a quarter cycle in): a jump would be a step of 0.9; the ramp over one block keeps every step
     * within the sine's own steepest step plus 0.9/64, and reaches the new amplitude by the next block.
     */
    @Test
    void anAmpChangeDoesNotClick() {
        double f = SR / 256;
        for (int shape : new int[] {Waveform.SINE, Waveform.TRIANGLE}) {
            BlockRunner r = runner(shape, (float) f, 0.1f);
            float[] before = r.run(5)[0];
            r.control(1, 1f);
            float[] after = r.run(12)[0];
            float[] all = new float[before.length + after.length];
            System.arraycopy(before, 0, all, 0, before.length);
            System.arraycopy(after, 0, all, before.length, after.length);
            // the steeper of the two shapes of amplitude 1 is the sine: 2π per cycle (the triangle: 4)
            double own = 2 * Math.PI * f / SR;
            assertTrue(Signals.maxStep(all) <= own + 0.9 / BLOCK + 1e-4, "max step " + Signals.maxStep(all));
            assertEquals(0.1, Math.abs(before[before.length - 1]), 0.01);
            assertEquals(1.0, Signals.peak(Signals.slice(after, BLOCK, after.length)), 0.01);
        }
    }

    /** A frequency change takes effect at the next block, with no jump in the phase (no step beyond the slope). */
    @Test
    void frequencyMayChangeEveryBlock() {
        BlockRunner r = runner(Waveform.TRIANGLE, 300f, 1f);
        float[] all = new float[200 * BLOCK];
        for (int b = 0; b < 200; b++) {
            r.control(0, 300f + 5 * b);
            System.arraycopy(r.run(1)[0], 0, all, b * BLOCK, BLOCK);
        }
        // a triangle of peak 1 moves 4·f/SR a sample; the corners' rounding only lowers that
        assertTrue(Signals.maxStep(all) <= 4 * 1295 / SR + 1e-4, "max step " + Signals.maxStep(all));
        r.control(0, 880f);
        r.run(1);
        assertEquals(880, Signals.frequency(r.run(BLOCKS)[0], SR), 0.5);
    }

    @Test
    void aNaNFrequencyHoldsThePhaseAndANaNAmpIsSilence() {
        BlockRunner r = runner(Waveform.SAW, 1000f, 1f);
        r.run(3);
        r.control(0, Float.NaN);
        float[] held = r.run(1)[0];
        assertEquals(held[0], held[BLOCK - 1]);
        r.control(0, 1000f);
        r.control(1, Float.NaN);
        r.run(1);
        assertEquals(0.0, Signals.peak(r.run(2)[0]));
        r.control(1, 1f);
        r.run(1);
        assertEquals(1000, Signals.frequency(r.run(100)[0], SR), 0.5);
    }

    /** isolated(): each shape on two threads at once gives what it gives alone, freq sweeping, amp stepping. */
    @Test
    void twoSynthsOnTwoThreadsGiveTheSameAudio() {
        for (int shape = 0; shape < 4; shape++) {
            SynthChecks.assertSameOnTwoThreads(new OscillatorSynthDef(), OscArgs.of(shape), SR, BLOCK, 300,
                    r -> r.changes().ramp("freq", 0, 299, 50f, 15000f)
                            .sequence("amp", 0, 50, 1f, 0.2f, 0.7f, 0f, 1f));
        }
    }

    /**
     * The sine, sample by sample, against phases computed exactly (frame n of 1 kHz at 48 kHz is at n / 48 cycles,
     * in whole numbers) for ten seconds, then through an amp change: the gain steps by a 64th of the change each
     * sample of the next block.
     */
    @Test
    void theSineFollowsTheExactPhaseAndTheRampSampleBySample() {
        BlockRunner r = runner(Waveform.SINE, 1000f, 0.5f);
        int blocks = 10 * BLOCKS;
        float[] out = r.run(blocks)[0];
        for (int n = 0; n < out.length; n++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * (n % 48) / 48), out[n], 1e-7, "frame " + n);
        }
        r.control(1, 1f);
        float[] ramp = r.run(1)[0];
        for (int k = 0; k < BLOCK; k++) {
            long n = (long) blocks * BLOCK + k;
            double gain = 0.5 + 0.5 * (k + 1) / BLOCK;
            assertEquals(gain * Math.sin(2 * Math.PI * (n % 48) / 48), ramp[k], 1e-7, "ramp frame " + k);
        }
    }

    /** A sine that starts at an offset: silence first, then phase 0 there, carried on into whole blocks. */
    @Test
    void theSineStartsAtTheOffsetWithPhaseZero() {
        float[] out = runner(Waveform.SINE, 1000f, 1f).run(3, 10)[0];
        for (int n = 0; n < 10; n++) {
            assertEquals(0f, out[n]);
        }
        for (int n = 10; n < out.length; n++) {
            assertEquals(Math.sin(2 * Math.PI * ((n - 10) % 48) / 48), out[n], 1e-7, "frame " + n);
        }
    }
}
