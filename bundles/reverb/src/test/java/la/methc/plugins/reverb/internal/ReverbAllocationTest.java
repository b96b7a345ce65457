package la.methc.plugins.reverb.internal;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/**
 * process allocates nothing: 2,000 blocks of 8 reverb voices, their controls moving every few blocks (ramps,
 * NaN, out of range), measured by the test kit.
 */
class ReverbAllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 8;
    /** The values the controls are sent to (a static: a local array would be the test's own allocation). */
    private static final float[] VALUES = {0f, 0.3f, 1f, Float.NaN, 5f, -0.75f, 0.9f};

    @Test
    void processAllocatesNothing() {
        BlockRunner[] voices = new BlockRunner[VOICES];
        float[] in = new float[BS];
        for (int i = 0; i < BS; i++) {
            in[i] = (float) Math.sin(i * 0.3);
        }
        for (int v = 0; v < VOICES; v++) {
            voices[v] = BlockRunner.of(new ReverbSynthDef(), OscArgs.empty(), 48000, BS, v / 8f, 0.5f, 0.33f)
                    .audioInputLooped(0, in).audioInputLooped(1, in);
        }
        SynthChecks.assertProcessAllocatesNothing(2_000, ReverbAllocationTest::move, voices);
    }

    private static void move(BlockRunner r, int v, long b) {
        if ((b + v) % 7 == 0) {
            int k = (int) ((b / 7 + v) % 21);
            r.control(k % 3, VALUES[k % VALUES.length]);
        }
    }
}
