package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Voice.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The case the resource protocol exists for (ADR 0004): a record synth writes a buffer and play synths
 * read it, in one block, ordered by the node tree, all holding the same Resource.
 */
class RecordAndPlayTest {

    private static final int BS = 64;
    private static final int N = 256;
    private static final int BLOCKS = 20;

    private final FakeWorld world = new FakeWorld(48000, BS, 16);
    private final Rig rig = new Rig(world);
    private final float[] in = Signals.noise(42, BLOCKS * BS);

    /** in delayed by {@code d} frames, silent for the first {@code d}. */
    private float[] delayed(int d) {
        float[] s = new float[in.length];
        System.arraycopy(in, 0, s, d, in.length - d);
        return s;
    }

    @Test
    void recordFirstThenPlayersHearThisBlocksInput() {
        world.buffer(1, TestBuffer.zeros(1, N, 48000));
        // node order: record, player A, then player B (B starts two blocks later)
        Voice record = rig.add(Voice.record(world, opts(1), 1f).input(0, in));
        Voice a = rig.add(Voice.play(world, opts(1), 1f, 1f));
        rig.run(2);
        Voice b = rig.add(Voice.play(world, opts(1), 1f, 1f));
        assertEquals(2, world.refcount(1));
        rig.run(1);
        assertEquals(3, world.refcount(1), "one Resource, three holders");
        rig.run(BLOCKS - 3);

        // A reads each frame in the block it was written: no delay
        Signals.assertSamples(in, a.out(0), "player A");
        // B starts at buffer frame 0 two blocks (128 frames) after the recorder wrote it, and stays that far behind
        float[] expectedB = delayed(2 * BS);
        Signals.assertSilent(b.out(0), 0, 2 * BS, "player B before its start");
        Signals.assertSamples(expectedB, b.out(0), "player B");

        rig.free(b);
        rig.free(a);
        rig.free(record);
        assertEquals(0, world.totalRefcount(), "every holder released the buffer");
    }

    @Test
    void playersBeforeTheRecorderHearTheLastPass() {
        world.buffer(1, TestBuffer.zeros(1, N, 48000));
        // node order reversed: the player reads before this block is written, so it hears the previous pass
        Voice a = rig.add(Voice.play(world, opts(1), 1f, 1f));
        rig.add(Voice.record(world, opts(1), 1f).input(0, in));
        rig.run(BLOCKS);
        Signals.assertSamples(delayed(N), a.out(0), "one loop behind");
    }

    @Test
    void aSlowerPlayerFollowsTheRecorder() {
        world.buffer(1, TestBuffer.zeros(1, N, 48000));
        rig.add(Voice.record(world, opts(1), 1f).input(0, in));
        Voice half = rig.add(Voice.play(world, opts(1), 0.5f, 1f));
        rig.run(2);
        // in the first two blocks the half-speed player covers buffer frames [0, 64), all written in block 0:
        // whole positions are recorded frames, halves their exact midpoints
        float[] out = half.out(0);
        for (int j = 0; j < 2 * BS; j++) {
            int i = j / 2;
            float expected = j % 2 == 0 ? in[i] : (float) (((double) in[i] + in[i + 1]) / 2);
            assertEquals(expected, out[j], "frame " + j);
        }
    }
}
