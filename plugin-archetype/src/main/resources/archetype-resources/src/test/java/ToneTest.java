package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.RtAllocation;
import la.methc.plugins.testkit.Signals;
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

    /** RT allocates nothing: process measured on a thread of its own once the JIT settled, its controls moving. */
    @Test
    void processAllocatesNothing() throws Exception {
        BlockRunner[] voices = new BlockRunner[8];
        for (int v = 0; v < voices.length; v++) {
            voices[v] = runner(200f + 100 * v, 0.1f);
            voices[v].run(1); // the runner's own first-block work, outside the measurement
        }
        RtAllocation.Measured m = RtAllocation.measure(n -> run(voices, n), 20_000, 2_000);
        assertEquals(0, m.bytes(), "bytes allocated by 2,000 blocks of 8 tones (measuring costs " + m.cost() + ")");
    }

    /** Calls process directly (the runner's run allocates the arrays it returns), the runner as World. */
    private static void run(BlockRunner[] voices, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (BlockRunner v : voices) {
                if (b % 16 == 0) {
                    v.control(1, (b & 32) == 0 ? 0.1f : 0.3f);
                }
                v.synth().process(v, 0, BLOCK);
            }
        }
    }
}
