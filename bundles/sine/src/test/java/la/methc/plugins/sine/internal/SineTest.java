package la.methc.plugins.sine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import org.junit.jupiter.api.Test;

class SineTest {

    private static final double SR = 48000;
    private static final int BLOCK = 64;
    /** One second of blocks. */
    private static final int BLOCKS = 750;

    private static BlockRunner runner(float... controls) {
        return BlockRunner.of(new SineSynthDef(), OscArgs.empty(), SR, BLOCK, controls);
    }

    @Test
    void uri() {
        assertEquals("http://methc.la/plugins/sine", new SineSynthDef().uri());
    }

    @Test
    void defaultsTo440HzAtFullAmplitude() {
        float[] out = runner().run(BLOCKS)[0];
        assertEquals(440, Signals.frequency(out, SR), 0.5);
        assertEquals(1.0, Signals.peak(out), 1e-3);
    }

    @Test
    void frequencyAndAmplitudeFromControls() {
        float[] out = runner(1000f, 0.5f).run(BLOCKS)[0];
        assertEquals(1000, Signals.frequency(out, SR), 0.5);
        assertEquals(0.5, Signals.peak(out), 1e-3);
        assertEquals(0.5 / Math.sqrt(2), Signals.rms(out), 1e-3);

        float[] out440 = runner(440f, 0.5f).run(BLOCKS)[0];
        assertEquals(440, Signals.frequency(out440, SR), 0.5);
        assertEquals(0.5, Signals.peak(out440), 1e-3);
    }

    @Test
    void samplesAreThoseOfOneContinuousSine() {
        float[] out = runner(1000f, 0.5f).run(BLOCKS)[0];
        for (int n = 0; n < out.length; n++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * 1000 * n / SR), out[n], 1e-5, "frame " + n);
        }
    }

    @Test
    void phaseIsContinuousAcrossAFrequencyChange() {
        BlockRunner r = runner(440f, 0.5f);
        float[] before = r.run(37)[0];
        r.control(0, 660f); // like /node/set i:id i:0 f:660 between two blocks
        float[] after = r.run(200)[0];
        float[] all = new float[before.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(after, 0, all, before.length, after.length);

        // no step larger than the steepest one a 660 Hz sine of amplitude 0.5 takes
        double oneStep = 0.5 * 2 * Math.PI * 660 / SR;
        assertTrue(Signals.maxStep(all) <= oneStep * 1.001, "max step " + Signals.maxStep(all));
        // the first new frame continues the old phase with the new increment
        double phase = 440.0 * before.length / SR;
        assertEquals(0.5 * Math.sin(2 * Math.PI * phase), after[0], 1e-5);
        assertEquals(0.5 * Math.sin(2 * Math.PI * (phase + 660 / SR)), after[1], 1e-5);
        assertEquals(660, Signals.frequency(after, SR), 0.5);
    }

    @Test
    void startsAtTheOffsetWithPhaseZero() {
        float[] out = runner(1000f, 1f).run(2, 10)[0];
        for (int n = 0; n < 10; n++) {
            assertEquals(0f, out[n]);
        }
        // the first block's 54 frames, then whole ones: exact phases, (n - 10) / 48 cycles
        for (int n = 10; n < out.length; n++) {
            assertEquals(Math.sin(2 * Math.PI * ((n - 10) % 48) / 48), out[n], 1e-7, "frame " + n);
        }
    }

    @Test
    void aNaNFrequencyHoldsThePhaseInsteadOfPoisoningIt() {
        BlockRunner r = runner(1000f, 1f);
        r.run(3);
        r.control(0, Float.NaN);
        float[] held = r.run(1)[0];
        assertEquals(held[0], held[BLOCK - 1]);
        r.control(0, 1000f);
        float[] out = r.run(10)[0];
        assertTrue(Double.isFinite(Signals.peak(out)));
        assertEquals(1.0, Signals.peak(out), 2e-2);
    }

    /**
     * Ten minutes of 440 Hz at 48 kHz, against phases computed exactly: frame n is at 440 n / 48,000 = 11 n / 1,200
     * cycles, in whole numbers. Every 997th block is compared (a block's rounding must not add up over the blocks).
     */
    @Test
    void tenMinutesKeepTheExactPhase() {
        BlockRunner r = runner(440f, 1f);
        long blocks = 10 * 60 * 750;
        double worst = 0;
        for (long b = 0; b < blocks; b++) {
            r.step();
            if (b % 997 == 0 || b == blocks - 1) {
                float[] out = r.lastBlock(0);
                for (int k = 0; k < BLOCK; k++) {
                    long n = b * BLOCK + k;
                    double exact = Math.sin(2 * Math.PI * ((11 * n) % 1200) / 1200.0);
                    worst = Math.max(worst, Math.abs(exact - out[k]));
                }
            }
        }
        // a float holds a sample to within 6e-8
        assertTrue(worst < 1.2e-7, "worst error " + worst);
    }

    /** Blocks of 1 to 5 frames (the rotation tables' smallest sizes) and of 128: the same continuous sine. */
    @Test
    void anyBlockSizeGivesTheSameSine() {
        for (int size : new int[] {1, 2, 3, 4, 5, 128}) {
            BlockRunner r = BlockRunner.of(new SineSynthDef(), OscArgs.empty(), SR, size, 1000f, 0.5f);
            float[] out = r.run((int) SR / size)[0];
            for (int n = 0; n < out.length; n++) {
                assertEquals(0.5 * Math.sin(2 * Math.PI * ((1000L * n) % 48000) / SR), out[n], 1e-7,
                        "block size " + size + ", frame " + n);
            }
        }
    }
}
