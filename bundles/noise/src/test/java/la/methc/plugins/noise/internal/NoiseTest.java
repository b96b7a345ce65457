package la.methc.plugins.noise.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

class NoiseTest {

    private static final double SR = 48000;
    private static final int BLOCK = 64;
    private static final int BLOCKS = 750;

    private static float[] noise(OscArgs options, float... controls) {
        return BlockRunner.of(new NoiseSynthDef(), options, SR, BLOCK, controls).run(BLOCKS)[0];
    }

    @Test
    void uri() {
        assertEquals("http://methc.la/plugins/noise", new NoiseSynthDef().uri());
    }

    @Test
    void oneSeedGivesOneSignal() {
        assertArrayEquals(noise(OscArgs.of(42)), noise(OscArgs.of(42)));
    }

    @Test
    void differentSeedsGiveDifferentSignals() {
        float[] a = noise(OscArgs.of(1));
        float[] b = noise(OscArgs.of(2));
        assertFalse(Arrays.equals(a, b));
        // not merely shifted or scaled: uncorrelated
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        assertEquals(0, dot / a.length / (Signals.rms(a) * Signals.rms(b)), 0.02);
    }

    @Test
    void unseededSynthsDiffer() {
        assertFalse(Arrays.equals(noise(OscArgs.empty()), noise(OscArgs.empty())));
    }

    @Test
    void uniformWithinAmplitude() {
        float amp = 0.25f;
        float[] x = noise(OscArgs.of(7), amp);
        for (float v : x) {
            assertTrue(v >= -amp && v < amp, "out of range: " + v);
        }
        assertEquals(0, Signals.mean(x), 0.005);
        // uniform on [-a, a): RMS a / sqrt(3), and it comes close to both ends
        assertEquals(amp / Math.sqrt(3), Signals.rms(x), 0.005);
        assertEquals(amp, Signals.peak(x), 0.001);
        // every tenth of the range gets about a tenth of the frames
        int[] bins = new int[10];
        for (float v : x) {
            bins[Math.min(9, (int) ((v + amp) / (2 * amp) * 10))]++;
        }
        for (int b : bins) {
            assertEquals(x.length / 10.0, b, x.length / 100.0);
        }
    }

    @Test
    void amplitudeFollowsTheControl() {
        BlockRunner r = BlockRunner.of(new NoiseSynthDef(), OscArgs.of(3), SR, BLOCK);
        assertEquals(1.0, Signals.peak(r.run(100)[0]), 0.01);
        r.control(0, 0f);
        assertEquals(0.0, Signals.peak(r.run(10)[0]));
    }

    @Test
    void startOffsetLeavesTheFramesBeforeItAlone() {
        float[] x = BlockRunner.of(new NoiseSynthDef(), OscArgs.of(5), SR, BLOCK).run(1, 20)[0];
        for (int i = 0; i < 20; i++) {
            assertEquals(0f, x[i]);
        }
        for (int i = 20; i < BLOCK; i++) {
            assertTrue(x[i] != 0f && !Float.isNaN(x[i]));
        }
    }

    @Test
    void aSeedThatIsNotAnIntIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NoiseSynthDef().construct(new TestHost(SR, BLOCK), OscArgs.of("x")));
        assertTrue(e.getMessage().contains("expected int"), e.getMessage());
    }
}
