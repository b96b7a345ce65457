package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.engine.internal.resource.SlotPool;
import org.junit.jupiter.api.Test;

/**
 * {@code World.performWithResources}: checked before any acquire, refcount + 1 per Resource while the callback
 * runs on a worker, released on RT when it returns. The harness's test thread is the RT thread.
 */
class PerformWithResourcesTest {

    private static final String URI = TestResources.URI;

    /** A callback that blocks until {@link #open} and records what it got. */
    private static final class Gate implements ResourcePerform {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicReference<Object[]> bodies = new AtomicReference<>();
        final AtomicReference<String> thread = new AtomicReference<>();

        @Override
        public void perform(la.methc.api.Host host, Object[] b) {
            bodies.set(b);
            thread.set(Thread.currentThread().getName());
            entered.countDown();
            try {
                open.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void theCallbackRunsOnAWorkerWithTheBodiesAndTheyAreReleasedWhenItReturns() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1, 1f);
            h.newResource(URI, 2, 2f);
            Gate gate = new Gate();
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {2, 1}, new boolean[] {true, false},
                    false, gate));
            h.block();
            assertTrue(gate.entered.await(5, TimeUnit.SECONDS));
            assertTrue(gate.thread.get().startsWith("methcla-worker"), gate.thread.get());
            Object[] b = gate.bodies.get();
            assertEquals(2, b.length);
            assertSame(h.res.bodies.get(1), b[0]);
            assertSame(h.res.bodies.get(0), b[1]);
            assertEquals(List.of(URI, "live", 1), h.query(1));
            assertEquals(List.of(URI, "live", 1), h.query(2));
            gate.open.countDown();
            h.sync();
            assertEquals(List.of(URI, "live", 0), h.query(1));
            assertEquals(List.of(URI, "live", 0), h.query(2));
            assertEquals(0, h.engine.resources().performsInFlight(), "the job went back to the pool");
        }
    }

    @Test
    void everyIdIsCheckedBeforeAnyIsAcquired() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.newResource(URI, 2);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 2);
            h.send("/resource/free", 2);
            h.block();
            ResourcePerform never = (host, b) -> {
                throw new AssertionError("must not run");
            };
            assertEquals(ResourceStatus.NOT_LIVE, h.engine.world().performWithResources(new int[] {1, 5}, null, false, never));
            assertEquals(ResourceStatus.OUT_OF_RANGE, h.engine.world().performWithResources(new int[] {1, 16}, null, false,
                    never));
            assertEquals(ResourceStatus.FREE_PENDING, h.engine.world().performWithResources(new int[] {1, 2}, null, false,
                    never));
            assertEquals(ResourceStatus.OUT_OF_RANGE, h.engine.world().performWithResources(new int[SlotPool.MAX_PERFORM_IDS + 1],
                    null, false, never), "more ids than a job holds");
            assertEquals(List.of(URI, "live", 0), h.query(1));
            assertEquals(List.of(URI, "live", 1), h.query(2));
        }
    }

    @Test
    void anImmutableResourceRefusesWritesAndExclusiveDispatch() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(TestResources.IMMUTABLE_URI, 3);
            AtomicInteger ran = new AtomicInteger();
            ResourcePerform count = (host, b) -> ran.incrementAndGet();
            assertEquals(ResourceStatus.IMMUTABLE, h.engine.world().performWithResources(new int[] {3}, new boolean[] {true},
                    false, count));
            assertEquals(ResourceStatus.IMMUTABLE, h.engine.world().performWithResources(new int[] {3}, null, true, count));
            assertEquals(List.of(TestResources.IMMUTABLE_URI, "live", 0), h.query(3));
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {3}, new boolean[] {false}, false,
                    count), "reading is fine");
            h.sync();
            assertEquals(1, ran.get());
        }
    }

    @Test
    void exclusiveDispatchSucceedsWhenNobodyElseHoldsTheResource() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            AtomicInteger ran = new AtomicInteger();
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, true,
                    (host, b) -> ran.incrementAndGet()));
            assertEquals(List.of(URI, "live", 1), h.query(1), "held by the dispatch while it runs");
            h.sync();
            assertEquals(1, ran.get());
            assertEquals(List.of(URI, "live", 0), h.query(1));
        }
    }

    @Test
    void aFullJobPoolAnswersBusyAndNothingIsAcquired() throws Exception {
        try (EngineHarness h = new EngineHarness(java.util.Map.of("workerThreads", "1"))) {
            h.newResource(URI, 1);
            Gate gate = new Gate();
            for (int i = 0; i < SlotPool.PERFORM_JOBS; i++) {
                assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, false, gate));
            }
            assertEquals(ResourceStatus.BUSY, h.engine.world().performWithResources(new int[] {1}, null, false, gate));
            assertEquals(List.of(URI, "live", SlotPool.PERFORM_JOBS), h.query(1));
            gate.open.countDown();
            h.sync();
            assertEquals(List.of(URI, "live", 0), h.query(1));
            assertEquals(0, h.engine.resources().performsInFlight());
        }
    }

    @Test
    void aFreeDuringAPerformDestroysTheResourceWhenThePerformReturns() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            Gate gate = new Gate();
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, false, gate));
            h.send("/resource/free", 1);
            h.block();
            assertTrue(gate.entered.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 20; i++) {
                h.block();
            }
            assertEquals(0, h.res.destroyed(), "not while the callback uses the body");
            assertEquals(null, h.client.take("/resource/destroyed"));
            gate.open.countDown();
            h.until("/resource/destroyed");
            assertTrue(h.res.allDestroyedOnce());
        }
    }

    @Test
    void aThrowingCallbackIsLoggedAndStillReleases() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, false, (host, b) -> {
                throw new IllegalStateException("callback bug");
            }));
            List<OSCMessage> got = h.sync();
            assertFalse(got.stream().anyMatch(m -> m.getAddress().equals("/error")), got.toString());
            assertEquals(List.of(URI, "live", 0), h.query(1));
            assertNotEquals(0, h.engine.resources().capacity());
        }
    }
}
