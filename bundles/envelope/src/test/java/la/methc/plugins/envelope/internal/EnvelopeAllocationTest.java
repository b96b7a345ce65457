package la.methc.plugins.envelope.internal;

import la.methc.plugins.testkit.RtAllocation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

/**
 * The RT path allocates nothing: 20,000 blocks of envelopes whose gate opens and closes every few blocks (so
 * every stage and the retrigger run; the release is longer than the gate stays closed, so none is ever done),
 * plus one that did finish, after a warm-up, on a dedicated thread, measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class EnvelopeAllocationTest {

    private static final int BS = 64;

    @Test
    void processAllocatesNothing() throws Exception {

        float[] ones = new float[BS];
        Arrays.fill(ones, 1f);
        BlockRunner[] runners = {
            BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0.005f, 0.01f, 0.6f, 1f), 48000, BS).audioInput(0, ones),
            BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0f, 0f, 0.3f, 1f), 48000, BS).audioInput(0, ones),
            BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0f, 0f, 0.3f, 0f), 48000, BS).audioInput(0, ones),
        };
        for (BlockRunner r : runners) {
            r.run(1); // activates and leaves one block of ones in the input
        }
        runners[2].control(0, 0f);
        runners[2].run(1); // done: the rest of its blocks are silence

        RtAllocation.Measured m = RtAllocation.measure(n -> run(runners, n), 30_000, 20_000);

        assertEquals(0, m.bytes(), "bytes allocated in 20,000 blocks of 3 envelopes (measuring costs "
                + m.cost() + ")");
        assertEquals(1, runners[2].doneCount());
        assertEquals(0, runners[0].doneCount());
    }

    /** The RT loop, straight to process (the runner's own run allocates its result arrays). */
    private static void run(BlockRunner[] runners, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (BlockRunner r : runners) {
                if (b % 11 == 0) {
                    r.control(0, (b / 11) % 2 == 0 ? 0f : 1f); // /node/set gate
                }
                Synth s = r.synth();
                s.process(r, 0, BS);
            }
        }
    }
}
