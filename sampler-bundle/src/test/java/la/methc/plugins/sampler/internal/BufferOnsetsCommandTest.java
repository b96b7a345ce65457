package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Commands.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import la.methc.api.CommandPlan;
import la.methc.api.CommandReply;
import org.junit.jupiter.api.Test;

/** {@code /buffer/onsets}: clicks and bursts at known frames are found within one hop. */
class BufferOnsetsCommandTest {

    private static final int SR = 48000;

    private final BufferOnsetsCommand onsets = new BufferOnsetsCommand();
    private final FakeHost host = new FakeHost(SR, 64);

    private List<Object> reply(TestBuffer buf, float threshold) throws Exception {
        CommandReply r = run(onsets, host, new Object[] {buf}, 6, threshold);
        assertEquals("/buffer/onsets.reply", r.address());
        assertEquals(6, r.args().get(0));
        return r.args().subList(1, r.args().size());
    }

    private static void assertOnsets(int[] expected, List<Object> got) {
        assertEquals(expected.length, got.size(),
                "onsets " + got + ", expected near " + java.util.Arrays.toString(expected));
        for (int i = 0; i < expected.length; i++) {
            int frame = (Integer) got.get(i);
            assertTrue(Math.abs(frame - expected[i]) <= Onsets.HOP, "onset " + i + " at " + frame + ", expected "
                    + expected[i] + " ± " + Onsets.HOP + "; all: " + got);
        }
    }

    @Test
    void thePlanReadsTheBuffer() {
        CommandPlan plan = Commands.plan(onsets, host, 6, 0.5f);
        assertArrayEquals(new int[] {6}, plan.resources());
        assertArrayEquals(new boolean[] {false}, plan.writes());
        assertFalse(plan.exclusive());
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(onsets, host, 6, -0.5f));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(onsets, host, 6));
    }

    @Test
    void clicks() throws Exception {
        int[] at = {0, 4800, 10007, 24000, 30001, 47000};
        float[] s = new float[SR];
        for (int t : at) {
            s[t] = 1f;
        }
        for (float threshold : new float[] {0f, 0.5f, 2f}) {
            assertOnsets(at, reply(new TestBuffer(SR, s), threshold));
        }
    }

    @Test
    void toneAndNoiseBurstsInStereo() throws Exception {
        int[] at = {3000, 15000, 27500, 40000};
        float[] l = new float[SR];
        float[] r = new float[SR];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k = 0; k < at.length; k++) {
            for (int i = at[k]; i < at[k] + 6000; i++) {
                double decay = Math.exp(-(i - at[k]) / 1000.0); // down to -52 dB: no click at the end
                if (k % 2 == 0) {
                    l[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / SR) * decay);
                } else {
                    r[i] = (float) ((rnd.nextDouble() * 2 - 1) * 0.3 * decay);
                }
            }
        }
        assertOnsets(at, reply(new TestBuffer(SR, l, r), 1f));
    }

    @Test
    void aLoudnessChangeInSteadyNoiseIsAnOnsetAndTheNoiseIsNot() throws Exception {
        float[] s = Signals.noise(9, SR);
        for (int i = 0; i < SR; i++) {
            s[i] *= i < 20000 ? 0.05f : 0.5f;
        }
        assertOnsets(new int[] {0, 20000}, reply(new TestBuffer(SR, s), 1f));
    }

    @Test
    void silenceHasNone() throws Exception {
        assertEquals(List.of(), reply(TestBuffer.zeros(2, 10000, SR), 0f));
        assertEquals(List.of(), reply(TestBuffer.zeros(1, 1, SR), 0f));
    }
}
