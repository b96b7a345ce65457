package la.methc.plugins.envelope.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/**
 * The RT path allocates nothing: 20,000 blocks of envelopes whose gate opens and closes every few blocks (so
 * every stage and the retrigger run; the release is longer than the gate stays closed, so none is ever done),
 * plus one that did finish, measured by the test kit.
 */
class EnvelopeAllocationTest {

    private static final int BS = 64;

    @Test
    void processAllocatesNothing() {
        float[] ones = new float[BS];
        Arrays.fill(ones, 1f);
        BlockRunner[] runners = {
            BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0.005f, 0.01f, 0.6f, 1f), 48000, BS)
                    .audioInputLooped(0, ones),
            BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0f, 0f, 0.3f, 1f), 48000, BS).audioInputLooped(0, ones),
            BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0f, 0f, 0.3f, 0f), 48000, BS).audioInputLooped(0, ones),
        };
        runners[2].run(1);
        runners[2].control(0, 0f);
        runners[2].run(1); // done: the rest of its blocks are silence

        SynthChecks.assertProcessAllocatesNothing(20_000, EnvelopeAllocationTest::toggle, runners);

        assertEquals(1, runners[2].doneCount());
        assertEquals(0, runners[0].doneCount());
    }

    /** /node/set of the gate every 11 blocks, closing and opening it in turn. */
    private static void toggle(BlockRunner r, int voice, long b) {
        if (b % 11 == 0) {
            r.control(0, (b / 11) % 2 == 0 ? 0f : 1f);
        }
    }
}
