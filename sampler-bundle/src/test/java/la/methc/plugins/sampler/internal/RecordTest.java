package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Signals.assertSamples;
import static la.methc.plugins.sampler.internal.Voice.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record synth, sample by sample. Controls: 0 loop, 1 start. */
class RecordTest {

    private static final int BS = 64;

    private final FakeWorld world = new FakeWorld(48000, BS, 16);
    private final Rig rig = new Rig(world);

    /** A buffer pre-filled with a sentinel, so untouched frames show. */
    private static float[] sentinel(int frames) {
        float[] s = new float[frames];
        Arrays.fill(s, 7f);
        return s;
    }

    @Test
    void writesExactlyFromTheStartOffsetOfTheFirstBlock() {
        float[] buf = sentinel(256);
        world.buffer(1, new TestBuffer(48000, buf));
        float[] in = Signals.noise(1, 1000);
        Voice v = rig.add(Voice.record(world, opts(1)).input(0, in), 10);
        rig.run(6);
        // the first frame the synth computes (rig frame 10) goes to buffer frame 0
        assertSamples(Arrays.copyOfRange(in, 10, 266), buf, "buffer");
        // frame 255 is rig frame 265, in block 4: done there, once, and nothing written after
        assertEquals(List.of(4L), world.doneBlocks(v.synth));
    }

    @Test
    void writesFromTheStartFrameAndLeavesTheFramesBefore() {
        float[] buf = sentinel(200);
        world.buffer(1, new TestBuffer(48000, buf));
        float[] in = Signals.noise(2, 1000);
        Voice v = rig.add(Voice.record(world, opts(1), 0f, 120f).input(0, in));
        rig.run(3);
        float[] expected = sentinel(200);
        System.arraycopy(in, 0, expected, 120, 80);
        assertSamples(expected, buf, "buffer");
        assertEquals(List.of(1L), world.doneBlocks(v.synth), "frame 79 of the synth is in block 1");
    }

    @Test
    void oneShotEndingOnABlockBoundaryIsDoneInThatBlock() {
        float[] buf = sentinel(128);
        world.buffer(1, new TestBuffer(48000, buf));
        float[] in = Signals.noise(3, 1000);
        Voice v = rig.add(Voice.record(world, opts(1)).input(0, in));
        rig.run(4);
        assertSamples(Arrays.copyOf(in, 128), buf, "buffer");
        assertEquals(List.of(1L), world.doneBlocks(v.synth));
    }

    @Test
    void loopWrapsToTheStartFrame() {
        float[] buf = sentinel(100);
        world.buffer(1, new TestBuffer(48000, buf));
        float[] in = Signals.noise(4, 1000);
        Voice v = rig.add(Voice.record(world, opts(1), 1f, 20f).input(0, in));
        rig.run(3); // 192 frames over a loop of 80: positions 20 + j % 80
        float[] expected = sentinel(100);
        for (int j = 0; j < 192; j++) {
            expected[20 + j % 80] = in[j];
        }
        assertSamples(expected, buf, "buffer");
        assertTrue(world.doneBlocks(v.synth).isEmpty(), "a loop is never done");
    }

    @Test
    void inputKGoesToChannelKAndExtraChannelsAreUntouched() {
        float[] c0 = sentinel(64);
        float[] c1 = sentinel(64);
        float[] c2 = sentinel(64);
        world.buffer(1, new TestBuffer(48000, c0, c1, c2));
        float[] a = Signals.noise(5, 64);
        float[] b = Signals.noise(6, 64);
        rig.add(Voice.record(world, opts(1, 2)).input(0, a).input(1, b));
        rig.run(1);
        assertSamples(a, c0, "channel 0");
        assertSamples(b, c1, "channel 1");
        assertSamples(sentinel(64), c2, "channel 2");
    }

    @Test
    void inputsBeyondTheBufferChannelsAreDropped() {
        float[] c0 = sentinel(64);
        world.buffer(1, new TestBuffer(48000, c0));
        float[] a = Signals.noise(7, 64);
        rig.add(Voice.record(world, opts(1, 3)).input(0, a).input(1, Signals.noise(8, 64)));
        rig.run(2);
        assertSamples(a, c0, "channel 0");
    }

    @Test
    void remapKeepsTheWritePosition() {
        float[] a = sentinel(1000);
        float[] b = sentinel(1000);
        world.buffer(1, new TestBuffer(48000, a)).buffer(2, new TestBuffer(48000, b));
        float[] in = Signals.noise(9, 1000);
        Voice v = rig.add(Voice.record(world, opts(1)).input(0, in));
        rig.run(1);
        assertTrue(v.synth.remap(world, 0, 2));
        assertEquals(0, world.refcount(1));
        assertEquals(1, world.refcount(2));
        rig.run(1);
        float[] expectA = sentinel(1000);
        System.arraycopy(in, 0, expectA, 0, 64);
        float[] expectB = sentinel(1000);
        System.arraycopy(in, 64, expectB, 64, 64);
        assertSamples(expectA, a, "first buffer");
        assertSamples(expectB, b, "second buffer, from the kept position");
    }

    @Test
    void remapToAShorterBufferClampsOrWraps() {
        float[] a = sentinel(1000);
        float[] shortOneShot = sentinel(50);
        float[] shortLoop = sentinel(50);
        world.buffer(1, new TestBuffer(48000, a))
                .buffer(2, new TestBuffer(48000, shortOneShot))
                .buffer(3, new TestBuffer(48000, shortLoop))
                .buffer(4, new TestBuffer(48000, sentinel(1000)));
        float[] in = Signals.noise(10, 1000);
        Voice oneShot = rig.add(Voice.record(world, opts(1)).input(0, in));
        Voice loop = rig.add(Voice.record(world, opts(4), 1f, 10f).input(0, in));
        rig.run(1); // both at position 64 (loop: 10 + 64 = 74)
        assertTrue(oneShot.synth.remap(world, 0, 2));
        assertTrue(loop.synth.remap(world, 0, 3));
        rig.run(1);
        // one-shot: clamped to the last frame, writes it and is done
        float[] expectOneShot = sentinel(50);
        expectOneShot[49] = in[64];
        assertSamples(expectOneShot, shortOneShot, "one-shot");
        assertEquals(List.of(1L), world.doneBlocks(oneShot.synth));
        // loop over [10, 50): 74 wraps to 10 + (74 - 10) % 40 = 34
        float[] expectLoop = sentinel(50);
        for (int j = 0; j < 64; j++) {
            expectLoop[10 + (24 + j) % 40] = in[64 + j];
        }
        assertSamples(expectLoop, shortLoop, "loop");
    }

    @Test
    void failedRemapKeepsTheBinding() {
        float[] a = sentinel(1000);
        world.buffer(1, new TestBuffer(48000, a)).resource(2, "http://example.org/other", new Object());
        float[] in = Signals.noise(11, 1000);
        Voice v = rig.add(Voice.record(world, opts(1)).input(0, in));
        rig.run(1);
        assertTrue(!v.synth.remap(world, 0, 2), "wrong URI");
        assertTrue(!v.synth.remap(world, 0, 9), "not live");
        assertTrue(!v.synth.remap(world, 0, 99), "out of range");
        assertTrue(!v.synth.remap(world, 1, 1), "not a resource port");
        assertEquals(1, world.refcount(1));
        assertEquals(0, world.refcount(2));
        rig.run(1);
        assertSamples(Arrays.copyOf(in, 128), Arrays.copyOf(a, 128), "still writing the first buffer");
    }
}
