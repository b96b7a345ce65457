package la.methc.plugins.reverb.internal;

import la.methc.plugins.testkit.RtAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

/**
 * process allocates nothing: 2,000 blocks of 8 reverb voices, their controls moving every few blocks (ramps,
 * NaN, out of range), after a warm-up, on a dedicated thread, measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class ReverbAllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 8;
    /** The values the controls are sent to (a static: a local array would be the test's own allocation). */
    private static final float[] VALUES = {0f, 0.3f, 1f, Float.NaN, 5f, -0.75f, 0.9f};

    @Test
    void processAllocatesNothing() throws Exception {

        BlockRunner[] voices = new BlockRunner[VOICES];
        float[] in = new float[BS];
        for (int i = 0; i < BS; i++) {
            in[i] = (float) Math.sin(i * 0.3);
        }
        for (int v = 0; v < VOICES; v++) {
            voices[v] = BlockRunner.of(new ReverbSynthDef(), OscArgs.empty(), 48000, BS, v / 8f, 0.5f, 0.33f)
                    .audioInput(0, in).audioInput(1, in);
            voices[v].run(1); // activate, and the runner's own first-block work, outside the measurement
        }
        RtAllocation.Measured m = RtAllocation.measure(n -> run(voices, n), 20_000, 2_000);
        assertEquals(0, m.bytes(), "bytes allocated in 2,000 blocks of " + VOICES + " reverb voices (measuring costs "
                + m.cost() + ")");
    }

    /** Calls process directly (the runner's run allocates its result arrays), with the runner as World. */
    private static void run(BlockRunner[] voices, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (int v = 0; v < voices.length; v++) {
                if ((b + v) % 7 == 0) {
                    voices[v].control((b / 7 + v) % 3, VALUES[(b / 7 + v) % VALUES.length]);
                }
                voices[v].synth().process(voices[v], 0, BS);
            }
        }
    }
}
