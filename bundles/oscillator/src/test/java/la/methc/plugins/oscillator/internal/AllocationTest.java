package la.methc.plugins.oscillator.internal;

import la.methc.plugins.testkit.RtAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

/**
 * The RT code allocates nothing: 1,000 blocks of 40 oscillators of every shape, with frequency and amp
 * changing every block, after a warm-up, on a dedicated thread, measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class AllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 40;

    @Test
    void processAllocatesNothing() throws Exception {

        OscillatorSynthDef def = new OscillatorSynthDef();
        // used only as the World the synths are given; the synths below are wired by hand
        BlockRunner world = new BlockRunner(new Oscillator(Waveform.SINE), 48000, BS);
        Synth[] synths = new Synth[VOICES];
        float[][] freq = new float[VOICES][1];
        float[][] amp = new float[VOICES][1];
        float[] out = new float[BS];
        for (int v = 0; v < VOICES; v++) {
            synths[v] = def.construct(new TestHost(48000, BS), OscArgs.of(v % 4));
            synths[v].connect(0, freq[v]);
            synths[v].connect(1, amp[v]);
            synths[v].connect(2, out);
            synths[v].activate(world);
        }

        RtAllocation.Measured m = RtAllocation.measure(n -> run(world, synths, freq, amp, n), 30_000, 1_000);

        assertEquals(0, m.bytes(), "bytes allocated in 1,000 blocks of " + VOICES + " oscillators (measuring costs "
                + m.cost() + ")");
    }

    /** The RT loop: new controls (as /node/set between blocks would leave them), then every voice once. */
    private static void run(BlockRunner world, Synth[] synths, float[][] freq, float[][] amp, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (int v = 0; v < synths.length; v++) {
                freq[v][0] = 100f + 37f * v + (b % 100) * 3f;
                amp[v][0] = (b + v) % 3 == 0 ? 0.2f : 0.8f;
                synths[v].process(world, 0, BS);
            }
        }
    }
}
