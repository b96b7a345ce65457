package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Signals.assertSamples;
import static la.methc.plugins.sampler.internal.Voice.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import la.methc.api.ResourceAcquireError;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** attach / remap / detach of both synths against the fake resource table (ADR 0003). */
class ResourceBindingTest {

    private static final int BS = 64;

    private final FakeWorld world = new FakeWorld(48000, BS, 16);
    private final Rig rig = new Rig(world);

    private Synth synth(String kind, int buffer) {
        return kind.equals("play") ? Voice.play(world, opts(buffer)).synth : Voice.record(world, opts(buffer)).synth;
    }

    @ParameterizedTest
    @ValueSource(strings = {"play", "record"})
    void attachHoldsOneReferenceAndDetachReleasesIt(String kind) {
        world.buffer(1, TestBuffer.zeros(1, 100, 48000));
        Synth s = synth(kind, 1);
        s.attach(world);
        assertEquals(1, world.refcount(1));
        s.detach(world);
        assertEquals(0, world.refcount(1));
        // idempotent: the engine may detach a refused synth that holds nothing
        s.detach(world);
        assertEquals(0, world.refcount(1));
        assertEquals(1, world.acquires);
        assertEquals(1, world.releases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"play", "record"})
    void attachToAFreeSlotFailsAndAcquiresNothing(String kind) {
        Synth s = synth(kind, 5);
        ResourceAcquireError e = assertThrows(ResourceAcquireError.class, () -> s.attach(world));
        assertEquals(5, e.resourceId());
        assertEquals(ResourceStatus.NOT_LIVE, e.status());
        assertEquals("resource 5: resource is not live", e.getMessage());
        assertEquals(0, world.acquires);
        assertEquals(0, world.totalRefcount());
        // the engine then detaches it: nothing to release
        s.detach(world);
        assertEquals(0, world.releases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"play", "record"})
    void attachToAnotherKindOfResourceFailsAndAcquiresNothing(String kind) {
        world.resource(2, "http://example.org/resources/Wavetable/v1", new Object());
        Synth s = synth(kind, 2);
        ResourceAcquireError e = assertThrows(ResourceAcquireError.class, () -> s.attach(world));
        assertEquals(ResourceStatus.WRONG_URI, e.status());
        assertEquals(0, world.totalRefcount());
    }

    @Test
    void attachOutOfRangeOrBeingFreedFails() {
        world.buffer(3, TestBuffer.zeros(1, 10, 48000));
        world.markFreePending(3);
        assertEquals(ResourceStatus.OUT_OF_RANGE,
                assertThrows(ResourceAcquireError.class, () -> synth("play", 16).attach(world)).status());
        assertEquals(ResourceStatus.FREE_PENDING,
                assertThrows(ResourceAcquireError.class, () -> synth("play", 3).attach(world)).status());
        assertEquals(0, world.totalRefcount());
    }

    @Test
    void aBodyOfTheWrongClassUnderTheRightUriIsRefusedAndReleased() {
        world.resource(4, la.methc.audiobuffer.AudioBuffer.URI, "not a buffer");
        ResourceAcquireError e = assertThrows(ResourceAcquireError.class, () -> synth("play", 4).attach(world));
        assertEquals(4, e.resourceId());
        assertEquals(0, world.refcount(4), "the acquire that matched the URI was given back");
    }

    @Test
    void remapToAnotherBufferKeepsThePlayhead() {
        float[] a = Signals.noise(1, 1000);
        float[] b = Signals.noise(2, 1000);
        world.buffer(1, new TestBuffer(48000, a)).buffer(2, new TestBuffer(48000, b));
        Voice v = rig.add(Voice.play(world, opts(1)));
        rig.run(2);
        assertTrue(v.synth.remap(world, 0, 2));
        assertEquals(0, world.refcount(1));
        assertEquals(1, world.refcount(2));
        rig.run(2);
        float[] out = v.out(0);
        assertSamples(Arrays.copyOf(a, 128), Arrays.copyOf(out, 128), "first buffer");
        assertSamples(Arrays.copyOfRange(b, 128, 256), out, 128, "second buffer from the kept playhead");
        rig.free(v);
        assertEquals(0, world.totalRefcount());
    }

    @Test
    void remapToTheSameBufferIsANoOp() {
        world.buffer(1, TestBuffer.zeros(1, 100, 48000));
        Voice v = rig.add(Voice.play(world, opts(1)));
        rig.run(1);
        assertTrue(v.synth.remap(world, 0, 1));
        assertEquals(1, world.refcount(1));
        assertEquals(1, world.acquires);
    }

    @Test
    void remapToAShorterBufferWrapsALoopAndClampsAOneShot() {
        float[] a = Signals.noise(3, 1000);
        float[] b = Signals.noise(4, 100);
        world.buffer(1, new TestBuffer(48000, a)).buffer(2, new TestBuffer(48000, b));
        Voice loop = rig.add(Voice.play(world, opts(1), 1f, 1f, 10f));
        Voice oneShot = rig.add(Voice.play(world, opts(1)));
        rig.run(2); // loop at 138, one-shot at 128
        assertTrue(loop.synth.remap(world, 0, 2));
        assertTrue(oneShot.synth.remap(world, 0, 2));
        assertEquals(2, world.refcount(2));
        rig.run(1);
        float[] l = loop.out(0);
        // 138 wrapped into [10, 100): 10 + 128 % 90 = 48
        for (int j = 0; j < 64; j++) {
            assertEquals(b[10 + (38 + j) % 90], l[128 + j], "loop frame " + (128 + j));
        }
        float[] o = oneShot.out(0);
        assertEquals(b[99], o[128], "one-shot clamped to the last frame");
        Signals.assertSilent(o, 129, 192, "then done");
        assertEquals(List.of(2L), world.doneBlocks(oneShot.synth));
    }

    @Test
    void failedRemapKeepsTheBindingAndThePlayhead() {
        float[] a = Signals.noise(5, 1000);
        world.buffer(1, new TestBuffer(48000, a)).resource(2, "http://example.org/other", new Object());
        Voice v = rig.add(Voice.play(world, opts(1)));
        rig.run(1);
        assertFalse(v.synth.remap(world, 0, 2), "wrong URI");
        assertFalse(v.synth.remap(world, 0, 7), "not live");
        assertFalse(v.synth.remap(world, 0, -1), "out of range");
        assertFalse(v.synth.remap(world, 1, 1), "not a resource port");
        assertEquals(1, world.refcount(1));
        assertEquals(0, world.refcount(2));
        rig.run(1);
        assertSamples(Arrays.copyOf(a, 128), v.out(0), "uninterrupted");
    }

    @Test
    void remapBeforeTheFirstBlockStartsAtTheStartFrameOfTheNewBuffer() {
        float[] a = Signals.noise(6, 100);
        float[] b = Signals.noise(7, 100);
        world.buffer(1, new TestBuffer(48000, a)).buffer(2, new TestBuffer(48000, b));
        Voice v = Voice.play(world, opts(1), 1f, 0f, 5f);
        v.synth.attach(world);
        assertTrue(v.synth.remap(world, 0, 2));
        v.attached = true;
        rig.add(v);
        rig.run(1);
        assertSamples(Arrays.copyOfRange(b, 5, 69), v.out(0), "second buffer from its start frame");
    }

    @Test
    void aSynthHoldsItsBodyNotItsId() {
        // the ref caches the body: process does no lookups, so the refcounts stay as attach left them
        float[] a = Signals.noise(8, 1000);
        TestBuffer body = new TestBuffer(48000, a);
        world.buffer(1, body);
        Voice v = rig.add(Voice.play(world, opts(1), 1f, 1f));
        rig.run(10);
        assertEquals(1, world.acquires);
        assertEquals(0, world.releases);
        assertSame(body, world.acquire(1, la.methc.audiobuffer.AudioBuffer.URI));
    }
}
