package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/** The tone on rendered audio, with the plugin test kit: no engine, one synth run block by block. */
class ToneTest {

    private static final double SR = 48000;
    private static final int BLOCK = 64;
    /** One second of blocks. */
    private static final int BLOCKS = 750;

    private static BlockRunner runner(float... controls) {
        return BlockRunner.of(new ToneSynthDef(440f, 0.2f), OscArgs.empty(), SR, BLOCK, controls);
    }

    @Test
    void playsItsDefaultsWhenGivenNoControls() {
        float[] out = runner().run(BLOCKS)[0];
        assertEquals(440, Signals.frequency(out, SR), 0.5);
        assertEquals(0.2, Signals.peak(out), 1e-3);
    }

    @Test
    void playsTheFrequencyAndAmplitudeItIsGiven() {
        float[] out = runner(1000f, 0.5f).run(BLOCKS)[0];
        assertEquals(1000, Signals.frequency(out, SR), 0.5);
        // a sine's RMS is its peak over √2 (after the first block's fade-in)
        assertEquals(0.5 / Math.sqrt(2), Signals.rms(Signals.slice(out, BLOCK, out.length)), 1e-3);
    }

    @Test
    void anAmplitudeChangeGlidesInsteadOfClicking() {
        BlockRunner r = runner(100f, 0.1f);
        r.run(10);
        r.control(1, 1f); // as /node/set i:id i:1 f:1 does between two blocks
        float[] after = r.run(10)[0];
        // a 100 Hz sine at amplitude 1 moves at most 2π·100/48000 ≈ 0.013 per frame; a jump would be far larger
        assertTrue(Signals.maxStep(after) < 0.03, "max step " + Signals.maxStep(after));
        assertEquals(1.0, Signals.peak(Signals.slice(after, BLOCK, after.length)), 0.01);
    }

    @Test
    void refusesOptions() {
        assertThrows(IllegalArgumentException.class,
                () -> new ToneSynthDef(440f, 0.2f).construct(null, OscArgs.of(1)));
    }

    /** RT allocates nothing: process measured on a thread of its own once the JIT settled, its amplitude moving. */
    @Test
    void processAllocatesNothing() {
        BlockRunner[] voices = new BlockRunner[8];
        for (int v = 0; v < voices.length; v++) {
            voices[v] = runner(200f + 100 * v, 0.1f);
        }
        SynthChecks.assertProcessAllocatesNothing(2_000, (r, voice, block) -> {
            if (block % 16 == 0) {
                r.control("amp", (block & 32) == 0 ? 0.1f : 0.3f); // as /node/set does between two blocks
            }
        }, voices);
    }

    /** The def says isolated(): two synths on two threads at once render what one renders alone. */
    @Test
    void rendersTheSameOnTwoThreads() {
        SynthChecks.assertSameOnTwoThreads(new ToneSynthDef(440f, 0.2f), OscArgs.empty(), 750);
    }

    /** A ramp of the frequency, scheduled with the kit's control changes, ends where it was sent. */
    @Test
    void followsAFrequencyRamp() {
        BlockRunner r = runner(220f, 0.5f);
        r.changes().ramp("freq", 0, 100, 220f, 880f);
        r.run(100);
        float[] after = r.run(BLOCKS)[0];
        assertEquals(880, Signals.frequency(after, SR), 0.5);
    }
}
