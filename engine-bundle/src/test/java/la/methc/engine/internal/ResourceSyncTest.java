package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.World;
import la.methc.api.WorldCommand;
import org.junit.jupiter.api.Test;

/**
 * {@code /sync} and asynchronous work: {@code /synced} comes once everything sent before it has completed,
 * including the jobs that the completion of earlier jobs starts (a free during construct destroys when the
 * construct returns, a perform's release destroys a Resource freed meanwhile, a worker's reply that hands out
 * more work). Work that waits on something sent later (a holder freed after the sync) is not waited for.
 */
class ResourceSyncTest {

    private static final String URI = TestResources.URI;

    private static List<String> addresses(List<OSCMessage> messages) {
        return messages.stream().map(OSCMessage::getAddress).toList();
    }

    /** Runs {@code n} blocks and returns what arrived meanwhile (after a short grace for the notifier). */
    private static List<OSCMessage> blocks(EngineHarness h, int n) throws InterruptedException {
        List<OSCMessage> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            h.block();
            Thread.sleep(1);
            got.addAll(h.client.takeAll());
        }
        return got;
    }

    /** Runs blocks until {@code /synced i:id}; returns everything received, the {@code /synced} last. */
    private static List<OSCMessage> untilSynced(EngineHarness h, int id, List<OSCMessage> got) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            h.block();
            for (OSCMessage m : h.client.takeAll()) {
                got.add(m);
                if (m.getAddress().equals("/synced") && m.getArguments().get(0).equals(id)) {
                    return got;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no /synced " + id + " within 5 s; got " + RecordingClient.describe(got));
    }

    @Test
    void syncAfterAFreeDuringConstructWaitsForTheDestroy() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            h.block();
            assertTrue(h.res.blocked.await(5, TimeUnit.SECONDS));
            h.send("/resource/free", 1);
            h.send("/sync", 1);
            List<OSCMessage> got = blocks(h, 20);
            assertFalse(addresses(got).contains("/synced"), "the construct still runs: " + got);
            h.res.gate.countDown();
            untilSynced(h, 1, got);
            assertEquals(List.of("/resource/destroyed", "/synced"), addresses(got), "destroyed, then synced");
            assertTrue(h.res.allDestroyedOnce(), h.res.bodies.toString());
            assertEquals(List.of("", "free", 0), h.query(1));
        }
    }

    @Test
    void syncAfterAFreeDuringAPerformWaitsForTheReleaseAndTheDestroy() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch open = new CountDownLatch(1);
            ResourcePerform slow = (host, bodies) -> {
                entered.countDown();
                try {
                    open.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            // the harness's test thread is the RT thread
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, false, slow));
            h.send("/resource/free", 1);
            h.send("/sync", 2);
            h.block();
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            List<OSCMessage> got = blocks(h, 20);
            assertFalse(addresses(got).contains("/synced"), "the perform still runs: " + got);
            open.countDown();
            untilSynced(h, 2, got);
            assertEquals(List.of("/resource/destroyed", "/synced"), addresses(got), "destroyed, then synced");
            assertTrue(h.res.allDestroyedOnce());
        }
    }

    /** A job whose reply on RT hands out a second job, whose reply hands out a third: the sync waits for all. */
    @Test
    void syncWaitsForChainsOfJobsStartedByReplies() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            AtomicBoolean last = new AtomicBoolean();
            Chain chain = new Chain(3, last);
            assertTrue(h.engine.world().performCommand((HostCommand) chain));
            h.send("/sync", 3);
            List<OSCMessage> got = untilSynced(h, 3, new ArrayList<>());
            assertTrue(last.get(), "the third job ran before /synced");
            assertEquals(List.of("/synced"), addresses(got));
        }
    }

    /**
     * Work handed out after the sync (in a later block: a sync is decided at the end of its block) is not
     * waited for, even when it is still running as the work from before the sync ends.
     */
    @Test
    void syncDoesNotWaitForWorkSentAfterIt() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            CountDownLatch open = new CountDownLatch(1);
            ResourcePerform slow = (host, bodies) -> {
                try {
                    open.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, false, slow));
            h.send("/sync", 4);
            h.block();
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 2, "block");
            h.block();
            assertTrue(h.res.blocked.await(5, TimeUnit.SECONDS));
            open.countDown();
            List<OSCMessage> got = untilSynced(h, 4, new ArrayList<>());
            assertEquals(1, h.res.gate.getCount(), "answered while the construct sent after it is held up");
            assertFalse(addresses(got).contains("/resource/ready"), got.toString());
            h.res.gate.countDown();
            h.until("/resource/ready");
        }
    }

    /** The free of a held Resource waits for its holder; a sync before the holder goes does not wait for it. */
    @Test
    void syncDoesNotWaitForAFreeThatWaitsOnAHolder() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            h.send("/resource/free", 1);
            List<OSCMessage> got = h.sync();
            assertFalse(addresses(got).contains("/resource/destroyed"), got.toString());
            h.send("/node/free", 10);
            got = h.sync();
            assertEquals(List.of("/node/ended", "/resource/destroyed"), addresses(got));
        }
    }

    /** A worker job that, on RT, starts {@code left - 1} more of itself; the last one sleeps and sets a flag. */
    private static final class Chain implements HostCommand, WorldCommand {
        private final int left;
        private final AtomicBoolean last;

        Chain(int left, AtomicBoolean last) {
            this.left = left;
            this.last = last;
        }

        /** Worker. */
        @Override
        public void perform(Host host) {
            if (left == 1) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                last.set(true);
            } else {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                host.performCommand((WorldCommand) this);
            }
        }

        /** RT. */
        @Override
        public void perform(World world) {
            world.performCommand((HostCommand) new Chain(left - 1, last));
        }
    }
}
