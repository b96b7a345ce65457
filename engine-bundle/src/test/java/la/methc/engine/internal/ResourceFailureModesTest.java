package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import la.methc.api.ResourceStatus;
import org.junit.jupiter.api.Test;

/** Each row of the failure-mode table (ADR 0001), one or more named tests per row. */
class ResourceFailureModesTest {

    private static final String URI = TestResources.URI;

    /** An /error answered on the network thread, before any block ran. */
    private static void assertSyncError(EngineHarness h, String address, int id, String reason) {
        OSCMessage e = h.client.take("/error");
        assertTrue(e != null, "synchronous /error expected");
        assertEquals(List.of(address, id, reason), e.getArguments());
    }

    private static void assertRtError(EngineHarness h, String address, int id, String reason) {
        assertEquals(List.of(address, id, reason), h.until("/error").getArguments());
    }

    private static List<String> addresses(List<OSCMessage> messages) {
        return messages.stream().map(OSCMessage::getAddress).toList();
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.onSpinWait();
        }
    }

    // ---------------------------------------------------------------- /resource/new validate: replyError

    @Test
    void newWithIdOutOfRangeIsRefused() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/resource/new", URI, 16);
            assertSyncError(h, "/resource/new", 16, "resource id 16 out of range 0..15");
            h.send("/resource/new", URI, -1);
            assertSyncError(h, "/resource/new", -1, "resource id -1 out of range 0..15");
            assertEquals(0, h.res.constructs.get());
        }
    }

    @Test
    void newOnAnOccupiedSlotIsRefused() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.send("/resource/new", URI, 1);
            assertRtError(h, "/resource/new", 1, "resource id 1 already in use (live)");
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 2, "block");
            h.block();
            h.res.blocked.await();
            h.send("/resource/new", TestResources.OTHER_URI, 2);
            assertRtError(h, "/resource/new", 2, "resource id 2 already in use (constructing)");
            h.res.gate.countDown();
            h.until("/resource/ready");
            assertEquals(2, h.res.constructs.get());
            assertEquals(0, h.other.constructs.get());
        }
    }

    @Test
    void newWithAnUnknownDefIsRefused() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/resource/new", "test:nope", 1);
            assertSyncError(h, "/resource/new", 1, "unknown ResourceDef test:nope");
            h.send("/resource/new", 1, 1);
            assertSyncError(h, "/resource/new", 1, "bad arguments ,ii: expected ,si then the ResourceDef's arguments");
            assertEquals(List.of("", "free", 0), h.query(1));
        }
    }

    // ---------------------------------------------------------------- construct returns NULL: /resource/error

    @Test
    void constructReturningNullSendsResourceErrorAndFreesTheSlot() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/resource/new", URI, 4, "null");
            assertEquals(List.of(4, "test:res constructed no resource"), h.until("/resource/error").getArguments());
            assertEquals(List.of("", "free", 0), h.query(4));
            h.newResource(URI, 4); // the slot is usable again
        }
    }

    @Test
    void constructThrowingSendsResourceErrorAndFreesTheSlot() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/resource/new", URI, 4, "throw");
            assertEquals(List.of(4, "test:res: bad size"), h.until("/resource/error").getArguments());
            assertEquals(List.of("", "free", 0), h.query(4));
            h.send("/resource/new", URI, 5, "crash");
            List<Object> a = h.until("/resource/error").getArguments();
            assertEquals(5, a.get(0));
            assertTrue(((String) a.get(1)).contains("failed to construct: java.lang.IllegalStateException: plugin bug"),
                    a.toString());
            assertEquals(List.of("", "free", 0), h.query(5));
            List<OSCMessage> rest = h.sync();
            assertFalse(addresses(rest).contains("/error"), "no /error besides /resource/error: " + rest);
        }
    }

    // ---------------------------------------------------------------- /resource/free validate: replyError

    @Test
    void freeWithIdOutOfRangeIsRefused() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/resource/free", 99);
            assertSyncError(h, "/resource/free", 99, "resource id 99 out of range 0..15");
            h.send("/resource/query", -5);
            assertSyncError(h, "/resource/query", -5, "resource id -5 out of range 0..15");
        }
    }

    @Test
    void freeOfAFreeSlotIsRefused() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/resource/free", 3);
            assertRtError(h, "/resource/free", 3, "resource 3 is not allocated");
        }
    }

    @Test
    void freeOfADestroyingSlotIsRefused() {
        try (EngineHarness h = new EngineHarness()) {
            h.res.destroyGate = new CountDownLatch(1);
            h.newResource(URI, 3, "slow-destroy");
            h.send("/resource/free", 3);
            h.block();
            h.send("/resource/free", 3);
            assertRtError(h, "/resource/free", 3, "resource 3 is already being destroyed");
            h.res.destroyGate.countDown();
            h.until("/resource/destroyed");
        }
    }

    @Test
    void secondFreeWhileFreePendingIsRefused() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            h.send("/resource/free", 1);
            h.block();
            h.send("/resource/free", 1);
            assertRtError(h, "/resource/free", 1, "resource 1 is already being freed");
            // and while constructing
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 2, "block");
            h.block();
            h.res.blocked.await();
            h.send("/resource/free", 2);
            h.send("/resource/free", 2);
            assertRtError(h, "/resource/free", 2, "resource 2 is already being freed");
            h.res.gate.countDown();
            h.until("/resource/destroyed");
            h.send("/node/free", 10);
            h.until("/resource/destroyed");
            assertTrue(h.res.allDestroyedOnce());
        }
    }

    // ---------------------------------------------------------------- plugin destroy: contractually infallible

    @Test
    void destroyThrowingIsLoggedAndTheSlotStillGoesFree() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 2, "destroy-throws");
            h.send("/resource/free", 2);
            assertEquals(List.of(2), h.until("/resource/destroyed").getArguments());
            assertEquals(List.of("", "free", 0), h.query(2));
            assertEquals(1, h.res.bodies.get(0).destroyed.get());
            h.newResource(URI, 2);
        }
    }

    // ---------------------------------------------------------------- acquire fails in attach: /error on /synth/new

    private static void assertAttachRefused(EngineHarness h, int node, String reason) {
        int destroyed = TestSynths.DESTROYED.get();
        assertRtError(h, "/synth/new", node, reason);
        assertNull(h.engine.tree().get(node), "not in the tree");
        List<OSCMessage> rest = h.sync();
        assertFalse(addresses(rest).contains("/node/ended"), "the client never had it: " + rest);
        waitFor(() -> TestSynths.DESTROYED.get() == destroyed + 1);
    }

    @Test
    void acquireOutOfRangeInAttachRefusesTheSynth() {
        try (EngineHarness h = new EngineHarness()) {
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 99);
            assertAttachRefused(h, 10, "resource 99: resource id out of range");
        }
    }

    @Test
    void acquireOfASlotNotLiveInAttachRefusesTheSynth() {
        try (EngineHarness h = new EngineHarness()) {
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 3);
            assertAttachRefused(h, 10, "resource 3: resource is not live");
        }
    }

    @Test
    void acquireOfAFreePendingSlotInAttachRefusesTheSynth() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 3);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 3);
            h.send("/resource/free", 3);
            h.synthWith(TestSynths.HOLDER, 11, 0, 1, 3);
            assertAttachRefused(h, 11, "resource 3: resource is being freed");
            assertEquals(List.of(URI, "live", 1), h.query(3));
        }
    }

    @Test
    void acquireOfAnotherKindInAttachRefusesTheSynth() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(TestResources.OTHER_URI, 3);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 3);
            assertAttachRefused(h, 10, "resource 3: resource is of another kind");
            assertEquals(List.of(TestResources.OTHER_URI, "live", 0), h.query(3), "no acquire left behind");
        }
    }

    // ---------------------------------------------------------------- acquire fails in re-map: keep, log, silent

    /**
     * An id that names no Live Resource is refused before any pair applies ({@code /error}); a re-map the synth
     * itself refuses (another kind of Resource) keeps the old binding, logged and silent to the client (ADR 0001).
     */
    @Test
    void failedRemapKeepsTheOldBindingAndTellsTheClientNothing() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1, 0.5f);
            h.newResource(TestResources.OTHER_URI, 2);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            h.send("/synth/map/output", 10, 0, 0, 1);
            h.send("/synth/activate", 10);
            assertEquals(0.5f, h.block()[0][0]);
            h.send("/node/set", 10, 1, 5); // a free slot
            h.send("/node/set", 10, 1, 77); // out of range
            assertEquals(List.of(List.of("/node/set", 10, "resource 5 for parameter 1 is free, not live"),
                    List.of("/node/set", 10, "resource 77 for parameter 1 is out of range 0..15")),
                    h.sync().stream().map(OSCMessage::getArguments).toList());
            h.send("/node/set", 10, 1, 2); // another kind: the synth refuses
            List<OSCMessage> got = h.sync();
            assertEquals(List.of(), got, "silent to the client");
            assertEquals(0.5f, h.block()[0][0], "the old binding stays");
            assertEquals(List.of(URI, "live", 1), h.query(1));
            assertEquals(List.of(TestResources.OTHER_URI, "live", 0), h.query(2));
        }
    }

    // ---------------------------------------------------------------- exclusive dispatch with refcount > 1

    @Test
    void exclusiveDispatchWithOtherHoldersFailsWithoutAcquiringAnything() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.newResource(URI, 2);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            h.block();
            boolean[] ran = new boolean[1];
            // the test thread is the RT thread of the harness
            ResourceStatus st = h.engine.world().performWithResources(new int[] {2, 1}, null, true, (host, b) -> ran[0] = true);
            assertEquals(ResourceStatus.NOT_EXCLUSIVE, st);
            assertEquals(List.of(URI, "live", 0), h.query(2), "no acquire performed on the free one either");
            assertEquals(List.of(URI, "live", 1), h.query(1));
            h.sync();
            assertFalse(ran[0]);
        }
    }
}
