package la.methc.plugins.filter.internal;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/**
 * The RT path allocates nothing: 20,000 blocks of three filters (one per mode) on noise, the cutoff and q moving
 * every few blocks so both the steady and the gliding loops run, measured by the test kit.
 */
class FilterAllocationTest {

    private static final int BS = 64;

    @Test
    void processAllocatesNothing() {
        BlockRunner[] runners = new BlockRunner[3];
        for (int mode = 0; mode < 3; mode++) {
            runners[mode] = BlockRunner.of(new FilterSynthDef(), OscArgs.of(mode), 48000, BS)
                    .audioInputLooped(0, Signals.noise(3, BS));
        }
        SynthChecks.assertProcessAllocatesNothing(20_000, FilterAllocationTest::glide, runners);
    }

    /** /node/set of cutoff and q every 7 blocks: the next blocks glide. */
    private static void glide(BlockRunner r, int voice, long b) {
        if (b % 7 == 0) {
            r.control(0, 100f + (b * 37) % 20000);
            r.control(1, 0.3f + (b % 11));
        }
    }
}
