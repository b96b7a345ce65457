package la.methc.plugins.pan.internal;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/**
 * process allocates nothing: 2,000 blocks of 50 pan voices, their positions moving every few blocks (ramps,
 * NaN, out of range), measured by the test kit.
 */
class PanAllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 50;
    /** The positions the voices are sent to (a static: a local array would be the test's own allocation). */
    private static final float[] POSITIONS = {-1f, 0.3f, 1f, Float.NaN, 5f, -0.75f};

    @Test
    void processAllocatesNothing() {
        BlockRunner[] voices = new BlockRunner[VOICES];
        float[] in = new float[BS];
        for (int i = 0; i < BS; i++) {
            in[i] = (float) Math.sin(i * 0.3);
        }
        for (int v = 0; v < VOICES; v++) {
            voices[v] = BlockRunner.of(new PanSynthDef(), OscArgs.empty(), 48000, BS, v / 25f - 1)
                    .audioInputLooped(0, in);
        }
        SynthChecks.assertProcessAllocatesNothing(2_000, PanAllocationTest::move, voices);
    }

    private static void move(BlockRunner r, int v, long b) {
        if ((b + v) % 7 == 0) {
            r.control(0, POSITIONS[(int) ((b / 7 + v) % POSITIONS.length)]);
        }
    }
}
