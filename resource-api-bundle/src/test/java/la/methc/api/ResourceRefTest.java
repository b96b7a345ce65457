package la.methc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceRefTest {

    private static final String BUFFER = "test:buffer";

    /** A World with a table of live Resources and their refcounts. */
    private static final class FakeWorld implements World {
        private record Slot(String uri, Object body) {
        }

        final Map<Integer, Slot> slots = new HashMap<>();
        final Map<Integer, Integer> refcounts = new HashMap<>();
        int acquires;
        int releases;

        FakeWorld with(int id, String uri, Object body) {
            slots.put(id, new Slot(uri, body));
            refcounts.put(id, 0);
            return this;
        }

        int refcount(int id) {
            return refcounts.getOrDefault(id, 0);
        }

        @Override
        public double sampleRate() {
            return 48000;
        }

        @Override
        public int blockSize() {
            return 64;
        }

        @Override
        public double currentTime() {
            return 0;
        }

        @Override
        public void synthDone(Synth synth) {
        }

        @Override
        public boolean performCommand(HostCommand command) {
            return false;
        }

        @Override
        public Object acquire(int id, String expectedUri) {
            if (status(id, expectedUri) != ResourceStatus.OK) {
                return null;
            }
            acquires++;
            refcounts.merge(id, 1, Integer::sum);
            return slots.get(id).body();
        }

        @Override
        public ResourceStatus status(int id, String expectedUri) {
            if (id < 0 || id >= 16) {
                return ResourceStatus.OUT_OF_RANGE;
            }
            Slot s = slots.get(id);
            if (s == null) {
                return ResourceStatus.NOT_LIVE;
            }
            return s.uri().equals(expectedUri) ? ResourceStatus.OK : ResourceStatus.WRONG_URI;
        }

        @Override
        public void release(int id) {
            releases++;
            int n = refcount(id);
            if (n == 0) {
                throw new AssertionError("release of " + id + " without a hold");
            }
            refcounts.put(id, n - 1);
        }

        @Override
        public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
                ResourcePerform perform) {
            return ResourceStatus.BUSY;
        }
    }

    private final StringBuilder one = new StringBuilder("one");
    private final StringBuilder two = new StringBuilder("two");
    private final FakeWorld world = new FakeWorld().with(1, BUFFER, one).with(2, BUFFER, two)
            .with(3, "test:other", new StringBuilder("other")).with(4, BUFFER, Integer.valueOf(4));

    @Test
    void bindAcquiresAndCloseReleases() {
        ResourceRef<StringBuilder> ref = new ResourceRef<>(BUFFER, StringBuilder.class);
        assertFalse(ref.isBound());
        assertEquals(ResourceRef.NONE, ref.id());
        ref.bind(world, 1);
        assertTrue(ref.isBound());
        assertSame(one, ref.get());
        assertEquals(1, ref.id());
        assertEquals(1, world.refcount(1));
        ref.close();
        assertNull(ref.get());
        assertEquals(ResourceRef.NONE, ref.id());
        assertEquals(0, world.refcount(1));
    }

    @Test
    void acquireBindsAtOnceAndThrowsWithTheStatusWhenItCannot() {
        ResourceRef<StringBuilder> ref = ResourceRef.acquire(world, 2, BUFFER, StringBuilder.class);
        assertSame(two, ref.get());
        ResourceAcquireError e = assertThrows(ResourceAcquireError.class,
                () -> ResourceRef.acquire(world, 9, BUFFER, StringBuilder.class));
        assertEquals(9, e.resourceId());
        assertEquals(ResourceStatus.NOT_LIVE, e.status());
        assertEquals("resource 9: resource is not live", e.getMessage());
        e = assertThrows(ResourceAcquireError.class, () -> ResourceRef.acquire(world, 3, BUFFER, StringBuilder.class));
        assertEquals(ResourceStatus.WRONG_URI, e.status());
        e = assertThrows(ResourceAcquireError.class, () -> ResourceRef.acquire(world, 99, BUFFER, StringBuilder.class));
        assertEquals(ResourceStatus.OUT_OF_RANGE, e.status());
        assertTrue(ResourceRef.tryAcquire(world, 9, BUFFER, StringBuilder.class).isEmpty());
        assertSame(one, ResourceRef.tryAcquire(world, 1, BUFFER, StringBuilder.class).orElseThrow().get());
    }

    @Test
    void tryReplaceKeepsTheOldBindingWhenTheNewOneFails() {
        ResourceRef<StringBuilder> ref = new ResourceRef<>(BUFFER, StringBuilder.class);
        ref.bind(world, 1);
        assertFalse(ref.tryReplace(world, 3), "another kind");
        assertFalse(ref.tryReplace(world, 9), "not live");
        assertSame(one, ref.get());
        assertEquals(1, ref.id());
        assertEquals(1, world.refcount(1));
        assertThrows(ResourceAcquireError.class, () -> ref.bind(world, 9));
        assertSame(one, ref.get(), "bind failing keeps the old binding too");
        assertTrue(ref.tryReplace(world, 2));
        assertSame(two, ref.get());
        assertEquals(0, world.refcount(1), "the old one released after the new one was acquired");
        assertEquals(1, world.refcount(2));
    }

    @Test
    void reBindingTheSameIdIsANoOp() {
        ResourceRef<StringBuilder> ref = new ResourceRef<>(BUFFER, StringBuilder.class);
        ref.bind(world, 1);
        int acquires = world.acquires;
        assertTrue(ref.tryReplace(world, 1));
        ref.bind(world, 1);
        assertEquals(acquires, world.acquires);
        assertEquals(0, world.releases);
        assertEquals(1, world.refcount(1));
    }

    @Test
    void closeIsIdempotent() {
        ResourceRef<StringBuilder> ref = new ResourceRef<>(BUFFER, StringBuilder.class);
        ref.close();
        ref.bind(world, 1);
        ref.close();
        ref.close();
        assertEquals(1, world.releases);
        assertEquals(0, world.refcount(1));
    }

    @Test
    void aBodyOfAnotherTypeIsAFailedAcquireAndIsReleased() {
        ResourceRef<StringBuilder> ref = new ResourceRef<>(BUFFER, StringBuilder.class);
        assertFalse(ref.tryReplace(world, 4));
        assertFalse(ref.isBound());
        assertEquals(0, world.refcount(4), "acquired, then released at once");
        ResourceAcquireError e = assertThrows(ResourceAcquireError.class, () -> ref.bind(world, 4));
        assertEquals(ResourceStatus.OK, e.status());
        assertEquals("resource 4: its body is not a java.lang.StringBuilder", e.getMessage());
        ref.bind(world, 1);
        assertFalse(ref.tryReplace(world, 4));
        assertSame(one, ref.get(), "the old binding stays");
        assertEquals(1, world.refcount(1));
    }
}
