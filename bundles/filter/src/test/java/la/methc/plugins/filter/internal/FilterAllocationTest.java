package la.methc.plugins.filter.internal;

import la.methc.plugins.testkit.RtAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

/**
 * The RT path allocates nothing: 20,000 blocks of three filters (one per mode), the cutoff and q moving every
 * few blocks so both the steady and the gliding loops run, after a warm-up, on a dedicated thread, measured
 * with {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class FilterAllocationTest {

    private static final int BS = 64;

    @Test
    void processAllocatesNothing() throws Exception {

        float[] noise = new float[BS];
        Random rnd = new Random(3);
        for (int i = 0; i < BS; i++) {
            noise[i] = (float) (2 * rnd.nextDouble() - 1);
        }
        BlockRunner[] runners = new BlockRunner[3];
        for (int mode = 0; mode < 3; mode++) {
            runners[mode] = BlockRunner.of(new FilterSynthDef(), OscArgs.of(mode), 48000, BS).audioInput(0, noise);
            runners[mode].run(1); // activates and leaves one block of noise in the input
        }

        RtAllocation.Measured m = RtAllocation.measure(n -> run(runners, n), 30_000, 20_000);

        assertEquals(0, m.bytes(), "bytes allocated in 20,000 blocks of 3 filters (measuring costs "
                + m.cost() + ")");
    }

    /** The RT loop, straight to process (the runner's own run allocates its result arrays). */
    private static void run(BlockRunner[] runners, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (BlockRunner r : runners) {
                if (b % 7 == 0) {
                    // /node/set of cutoff and q: the next blocks glide
                    r.control(0, 100f + (b * 37) % 20000);
                    r.control(1, 0.3f + (b % 11));
                }
                Synth s = r.synth();
                s.process(r, 0, BS);
            }
        }
    }
}
