package la.methc.plugins.pan.internal;

import la.methc.plugins.testkit.RtAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

/**
 * process allocates nothing: 2,000 blocks of 50 pan voices, their positions moving every few blocks (ramps,
 * NaN, out of range), after a warm-up, on a dedicated thread, measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class PanAllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 50;
    /** The positions the voices are sent to (a static: a local array would be the test's own allocation). */
    private static final float[] POSITIONS = {-1f, 0.3f, 1f, Float.NaN, 5f, -0.75f};

    @Test
    void processAllocatesNothing() throws Exception {

        BlockRunner[] voices = new BlockRunner[VOICES];
        float[] in = new float[BS];
        for (int i = 0; i < BS; i++) {
            in[i] = (float) Math.sin(i * 0.3);
        }
        for (int v = 0; v < VOICES; v++) {
            voices[v] = BlockRunner.of(new PanSynthDef(), OscArgs.empty(), 48000, BS, v / 25f - 1).audioInput(0, in);
            voices[v].run(1); // activate, and the runner's own first-block work, outside the measurement
        }
        RtAllocation.Measured m = RtAllocation.measure(n -> run(voices, n), 20_000, 2_000);
        assertEquals(0, m.bytes(), "bytes allocated in 2,000 blocks of " + VOICES + " pan voices (measuring costs "
                + m.cost() + ")");
    }

    /** Calls process directly (the runner's run allocates its result arrays), with the runner as World. */
    private static void run(BlockRunner[] voices, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (int v = 0; v < voices.length; v++) {
                if ((b + v) % 7 == 0) {
                    voices[v].control(0, POSITIONS[(b / 7 + v) % POSITIONS.length]);
                }
                voices[v].synth().process(voices[v], 0, BS);
            }
        }
    }
}
