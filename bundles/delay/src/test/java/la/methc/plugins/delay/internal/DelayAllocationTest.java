package la.methc.plugins.delay.internal;

import la.methc.plugins.testkit.RtAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

/**
 * The RT path allocates nothing: 20,000 blocks of two delays with a buffer bound and one without, time,
 * feedback and mix moving every few blocks so the glides run, after a warm-up, on a dedicated thread, measured
 * with {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class DelayAllocationTest {

    private static final int BS = 64;

    @Test
    void processAllocatesNothing() throws Exception {

        float[] noise = new float[BS];
        Random rnd = new Random(3);
        for (int i = 0; i < BS; i++) {
            noise[i] = (float) (2 * rnd.nextDouble() - 1);
        }
        BlockRunner[] runners = {
            BlockRunner.of(new DelaySynthDef(), OscArgs.of(1), 48000, BS).audioInput(0, noise)
                    .resource(1, AudioBuffer.URI, TestLine.of(48000)),
            BlockRunner.of(new DelaySynthDef(), OscArgs.of(2), 48000, BS).audioInput(0, noise)
                    .resource(2, AudioBuffer.URI, TestLine.of(1000)),
            BlockRunner.of(new DelaySynthDef(), OscArgs.empty(), 48000, BS).audioInput(0, noise),
        };
        for (BlockRunner r : runners) {
            r.run(1); // attaches, activates and leaves one block of noise in the input
        }

        RtAllocation.Measured m = RtAllocation.measure(n -> run(runners, n), 30_000, 20_000);

        assertEquals(0, m.bytes(), "bytes allocated in 20,000 blocks of 3 delays (measuring costs "
                + m.cost() + ")");
    }

    /** The RT loop, straight to process (the runner's own run allocates its result arrays). */
    private static void run(BlockRunner[] runners, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (BlockRunner r : runners) {
                if (b % 7 == 0) {
                    // /node/set of time, feedback and mix: the next blocks glide
                    r.control(0, 0.001f * (b % 300));
                    r.control(1, -1f + 0.01f * (b % 200));
                    r.control(2, 0.01f * (b % 100));
                }
                Synth s = r.synth();
                s.process(r, 0, BS);
            }
        }
    }
}
