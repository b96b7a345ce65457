package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import la.methc.api.ResourceStatus;
import la.methc.engine.internal.resource.ResourceDefEntry;
import org.junit.jupiter.api.Test;

/**
 * A ResourceDef's bundle leaves: new Resources of it are refused at once, the synths holding its Resources are
 * freed, its constructs and perform dispatches are waited for, and {@code retire} returns only once every body
 * of it is destroyed. The test thread computes the blocks (as {@code EngineRuntime} does once no driver runs).
 */
class ResourceDefDepartureTest {

    private static final String URI = TestResources.URI;

    private static List<String> addresses(List<OSCMessage> messages) {
        return messages.stream().map(OSCMessage::getAddress).toList();
    }

    private static Thread after(long ms, CountDownLatch latch) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            latch.countDown();
        }, "test-opener");
        t.start();
        return t;
    }

    @Test
    void departureFreesHoldersWaitsForPerformsAndConstructsAndDestroysEveryBody() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/notify", 1);
            h.newResource(URI, 1);
            h.newResource(URI, 2);
            h.newResource(URI, 3);
            h.newResource(TestResources.OTHER_URI, 4);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1); // holds 1
            h.synthWith(TestSynths.HOLDER, 11, 0, 1, -1); // holds nothing
            h.synthWith(TestSynths.LEAKY, 12, 0, 1, 1); // holds 1 too
            h.block();
            // a perform in flight on 3 (and on 4, of another def)
            CountDownLatch performGate = new CountDownLatch(1);
            CountDownLatch performDone = new CountDownLatch(1);
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {3, 4}, null, false, (host, b) -> {
                try {
                    performGate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                performDone.countDown();
            }));
            // a construct in flight
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 5, "block");
            h.block();
            assertTrue(h.res.blocked.await(5, TimeUnit.SECONDS));

            ResourceDefEntry entry = h.resourceDefs.remove(h.res);
            assertNotNull(entry);
            h.send("/resource/new", URI, 6);
            assertEquals(List.of("/resource/new", 6, "unknown ResourceDef test:res"),
                    h.client.take("/error").getArguments(), "refused at once, on the network thread");
            Thread a = after(100, performGate);
            Thread b = after(150, h.res.gate);
            long t0 = System.nanoTime();
            assertTrue(h.engine.control().retire(entry, 5000, true));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            a.join();
            b.join();
            assertTrue(ms >= 140, "returned after the construct and the perform, " + ms + " ms");
            assertEquals(0, performDone.getCount());

            assertEquals(4, h.res.bodies.size());
            assertTrue(h.res.allDestroyedOnce(), h.res.bodies.toString());
            List<OSCMessage> got = h.client.takeAll();
            List<Integer> ended = new ArrayList<>();
            List<Integer> destroyed = new ArrayList<>();
            for (OSCMessage m : got) {
                if (m.getAddress().equals("/node/ended")) {
                    ended.add((Integer) m.getArguments().get(0));
                } else if (m.getAddress().equals("/resource/destroyed")) {
                    destroyed.add((Integer) m.getArguments().get(0));
                }
            }
            assertEquals(List.of(10, 12), ended.stream().sorted().toList(), "the holders, not 11");
            assertEquals(List.of(1, 2, 3, 5), destroyed.stream().sorted().toList());
            assertNull(h.engine.tree().get(10));
            assertNotNull(h.engine.tree().get(11));
            for (int id : new int[] {1, 2, 3, 5}) {
                assertEquals(List.of("", "free", 0), h.query(id));
            }
            h.sync();
            assertEquals(List.of(TestResources.OTHER_URI, "live", 0), h.query(4), "another def's Resource stays");
            assertEquals(0, h.other.destroyed());
        }
    }

    @Test
    void aResourceNewQueuedBeforeTheDefRetiredIsRefusedOnRt() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/resource/new", URI, 1); // decoded, not yet performed
            h.resourceDefs.get(URI).retire();
            assertEquals(List.of("/resource/new", 1, "ResourceDef test:res was unregistered"),
                    h.until("/error").getArguments());
            assertEquals(0, h.res.constructs.get());
        }
    }

    @Test
    void departureWithNothingLiveReturnsAtOnce() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(TestResources.OTHER_URI, 1);
            ResourceDefEntry entry = h.resourceDefs.remove(h.res);
            assertTrue(h.engine.control().retire(entry, 5000, true));
            List<OSCMessage> got = h.sync();
            assertFalse(addresses(got).contains("/resource/destroyed"), got.toString());
            assertEquals(List.of(TestResources.OTHER_URI, "live", 0), h.query(1));
        }
    }
}
