package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import la.methc.engine.internal.osc.Client;
import org.junit.jupiter.api.Test;

/** The slot state machine over OSC: FREE → CONSTRUCTING → LIVE → DESTROYING → FREE, and its notifications. */
class ResourceLifecycleTest {

    private static final String URI = TestResources.URI;

    private static List<String> addresses(List<OSCMessage> messages) {
        return messages.stream().map(OSCMessage::getAddress).toList();
    }

    @Test
    void newConstructsOnAWorkerThenTheSlotIsLiveAndReady() {
        try (EngineHarness h = new EngineHarness()) {
            assertEquals(List.of("", "free", 0), h.query(3));
            h.newResource(URI, 3, 0.25f);
            assertEquals(List.of(URI, "live", 0), h.query(3));
            assertEquals(1, h.res.constructs.get());
            assertEquals(0.25f, h.res.bodies.get(0).value, "args after the id reach construct");
        }
    }

    @Test
    void requestsAndConstructResultsBetweenBlocksAreHandledBeforeTheNextBlock() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.block();
            long blocks = h.engine.blocksDone();
            // what the dummy driver does while it waits for the next block's time: the request is taken, the
            // construct handed to a worker, its result run, /resource/ready sent; no block in between
            h.send("/resource/new", URI, 4);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            OSCMessage ready = null;
            while (ready == null && System.nanoTime() < deadline) {
                assertFalse(h.engine.between(), "busy: the driver keeps looking between blocks");
                ready = h.client.take("/resource/ready");
                Thread.sleep(1);
            }
            assertEquals(List.of(4), ready == null ? null : ready.getArguments(), "ready before the next block");
            assertEquals(blocks, h.engine.blocksDone(), "no block ran in between");
            assertEquals(List.of(URI, "live", 0), h.query(4));
        }
    }

    @Test
    void queryReportsEveryState() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            h.block();
            h.res.blocked.await();
            assertEquals(List.of(URI, "constructing", 0), h.query(1));
            h.res.gate.countDown();
            h.until("/resource/ready");
            assertEquals(List.of(URI, "live", 0), h.query(1));
            h.res.destroyGate = new CountDownLatch(1);
            h.newResource(URI, 2, "slow-destroy");
            h.send("/resource/free", 2);
            h.block();
            assertEquals(List.of(URI, "destroying", 0), h.query(2));
            h.res.destroyGate.countDown();
            h.until("/resource/destroyed");
            assertEquals(List.of("", "free", 0), h.query(2));
        }
    }

    @Test
    void freeOfALiveResourceNobodyHoldsDestroysItOnAWorker() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.send("/resource/free", 1);
            assertEquals(List.of(1), h.until("/resource/destroyed").getArguments());
            assertEquals(List.of("", "free", 0), h.query(1));
            assertTrue(h.res.allDestroyedOnce(), h.res.bodies.toString());
        }
    }

    @Test
    void freeDuringConstructingDestroysTheBodyAsSoonAsConstructReturns() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            h.block();
            h.res.blocked.await();
            h.send("/resource/free", 1);
            h.block();
            assertEquals(List.of(URI, "constructing", 0), h.query(1), "still constructing, free pending");
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            h.block();
            assertTrue(((String) h.client.await("/error").getArguments().get(2)).contains("not live"));
            h.res.gate.countDown();
            assertEquals(List.of(1), h.until("/resource/destroyed").getArguments());
            assertEquals(null, h.client.take("/resource/ready"), "never live");
            assertEquals(List.of("", "free", 0), h.query(1));
            assertEquals(1, h.res.bodies.size());
            assertTrue(h.res.allDestroyedOnce());
        }
    }

    @Test
    void freeWhileHeldWaitsForTheLastHolderThenDestroys() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1, 0.5f);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            h.synthWith(TestSynths.HOLDER, 11, 0, 1, 1);
            h.block();
            assertEquals(List.of(URI, "live", 2), h.query(1));
            h.send("/resource/free", 1);
            List<OSCMessage> got = h.sync();
            assertFalse(addresses(got).contains("/resource/destroyed"), "held: " + got);
            assertEquals(List.of(URI, "live", 2), h.query(1), "live, free pending");
            // free pending: nobody new may acquire it
            h.synthWith(TestSynths.HOLDER, 12, 0, 1, 1);
            h.block();
            assertEquals(List.of("/synth/new", 12, "resource 1: resource is being freed"),
                    h.client.await("/error").getArguments());
            h.send("/node/free", 10);
            got = h.sync();
            assertFalse(addresses(got).contains("/resource/destroyed"), "one holder left: " + got);
            assertEquals(List.of(URI, "live", 1), h.query(1));
            h.send("/node/free", 11);
            got = h.sync();
            assertEquals(List.of("/node/ended", "/resource/destroyed"), addresses(got), "ended, then destroyed");
            assertEquals(List.of("", "free", 0), h.query(1));
            assertTrue(h.res.allDestroyedOnce());
        }
    }

    @Test
    void notificationsGoToNotifyClientsAndToTheSender() {
        try (EngineHarness h = new EngineHarness()) {
            RecordingClient listener = new RecordingClient("listener");
            h.dispatcher.onPacket(msg("/notify", 1), listener);
            RecordingClient bystander = new RecordingClient("bystander");
            h.newResource(URI, 1);
            assertEquals(List.of(1), listener.await("/resource/ready").getArguments());
            h.dispatcher.onPacket(msg("/resource/new", URI, 2, "null"), bystander);
            h.block();
            h.sync();
            assertEquals(List.of(2, "test:res constructed no resource"),
                    bystander.await("/resource/error").getArguments());
            assertEquals(List.of(2, "test:res constructed no resource"),
                    listener.await("/resource/error").getArguments());
            h.dispatcher.onPacket(msg("/resource/free", 1), bystander);
            List<OSCMessage> creatorGot = h.sync();
            assertEquals(List.of(1), bystander.await("/resource/destroyed").getArguments());
            assertEquals(List.of(1), listener.await("/resource/destroyed").getArguments());
            assertFalse(addresses(creatorGot).contains("/resource/destroyed"), "the creator did not free it: "
                    + creatorGot);
        }
    }

    /** Seed decision 10: the client reacts to /resource/ready at once, and its /synth/new must find the slot live. */
    @Test
    void readyIsSentAfterTheSlotIsLiveSoAFollowUpSynthNewSeesIt() {
        try (EngineHarness h = new EngineHarness()) {
            RecordingClient replies = new RecordingClient("fast");
            Client fast = new Client() {
                @Override
                public void send(OSCPacket packet) {
                    replies.send(packet);
                    if (packet instanceof OSCMessage m && m.getAddress().equals("/resource/ready")) {
                        int id = (Integer) m.getArguments().get(0);
                        // sent from the notifier thread, as a network thread would, the moment it is told
                        h.dispatcher.onPacket(msg("/synth/new", TestSynths.HOLDER, 20 + id, 0, 1,
                                new java.util.ArrayList<>(), new java.util.ArrayList<>(List.of(id))), this);
                    }
                }

                @Override
                public String describe() {
                    return "fast";
                }
            };
            for (int id = 1; id <= 5; id++) {
                h.dispatcher.onPacket(msg("/resource/new", URI, id), fast);
            }
            h.sync();
            h.sync();
            for (int id = 1; id <= 5; id++) {
                assertEquals(List.of(URI, "live", 1), h.query(id), "resource " + id);
            }
            List<OSCMessage> got = replies.takeAll();
            assertFalse(addresses(got).contains("/error"), RecordingClient.describe(got));
            assertEquals(5, h.engine.tree().numSynths());
        }
    }

    @Test
    void statusCountsLiveResources() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.newResource(TestResources.IMMUTABLE_URI, 2);
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 3, "block");
            h.block();
            h.res.blocked.await();
            h.send("/status");
            assertEquals(2, h.until("/status.reply").getArguments().get(2), "live, not constructing");
            h.res.gate.countDown();
            h.until("/resource/ready");
            h.send("/resource/free", 1);
            h.until("/resource/destroyed");
            h.send("/status");
            assertEquals(2, h.until("/status.reply").getArguments().get(2));
        }
    }

    @Test
    void anIdIsFreeForANewResourceOnceDestroyedIsSent() {
        try (EngineHarness h = new EngineHarness()) {
            for (int round = 0; round < 3; round++) {
                h.newResource(URI, 7, (float) round);
                h.send("/resource/free", 7);
                h.until("/resource/destroyed");
            }
            assertEquals(3, h.res.bodies.size());
            assertTrue(h.res.allDestroyedOnce());
        }
    }
}
