package la.methc.engine.internal;

import la.methc.plugins.testkit.JitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import la.methc.engine.internal.notify.EventChannel;
import la.methc.engine.internal.notify.RtEvent;
import la.methc.engine.internal.osc.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing RT answers is lost (ADR 0012): a bundle's replies all come, {@code /synced} after them, RT waits for the
 * event pool instead of dropping, and a bundle larger than the pool is refused whole with one {@code /error}.
 */
@Timeout(60)
class RepliesUnderLoadTest {

    private static OSCBundle bundle(List<OSCPacket> packets) {
        return new OSCBundle(packets); // immediate
    }

    private static List<OSCPacket> queries(int n, int id) {
        List<OSCPacket> packets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            packets.add(EngineHarness.msg("/resource/query", id));
        }
        return packets;
    }

    /** Runs blocks until {@code /synced id} came; returns what came before it. */
    private static List<OSCMessage> untilSynced(EngineHarness h, int id) {
        List<OSCMessage> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            h.block();
            for (OSCMessage m : h.client.takeAll()) {
                if (m.getAddress().equals("/synced") && m.getArguments().get(0).equals(id)) {
                    return got;
                }
                got.add(m);
            }
        }
        fail("no /synced " + id + " after " + got.size() + " messages");
        return got;
    }

    private static long count(List<OSCMessage> messages, String address) {
        return messages.stream().filter(m -> m.getAddress().equals(address)).count();
    }

    /** Seen from outside on the old engine: about 4,400 of 6,000 answered, and no /synced. */
    @Test
    void aBundleOfSixThousandQueriesIsAnsweredSixThousandTimesThenSynced() {
        try (EngineHarness h = new EngineHarness()) {
            h.dispatcher.onPacket(bundle(queries(6000, 9)), h.client);
            h.send("/sync", 4242);
            List<OSCMessage> got = untilSynced(h, 4242);
            assertEquals(6000, count(got, "/resource/info"));
            assertEquals(6000, got.size(), "nothing but the infos: " + RecordingClient.describe(got.subList(0, Math.min(3, got.size()))));
            assertEquals(0, h.engine.lostEvents());
        }
    }

    /** Seen from outside on the old engine: /resource/ready never came in some runs, though the slot became live. */
    @Test
    void aResourceReadyIsNotCrowdedOutByFiveThousandStatusReplies() {
        try (EngineHarness h = new EngineHarness()) {
            List<OSCPacket> packets = new ArrayList<>();
            packets.add(EngineHarness.msg("/resource/new", TestResources.URI, 3, 0.5f));
            for (int i = 0; i < 5000; i++) {
                packets.add(EngineHarness.msg("/status"));
            }
            h.dispatcher.onPacket(bundle(packets), h.client);
            h.send("/sync", 1);
            List<OSCMessage> got = untilSynced(h, 1);
            assertEquals(5000, count(got, "/status.reply"));
            assertEquals(1, count(got, "/resource/ready"));
            assertEquals(0, h.engine.lostEvents());
        }
    }

    /**
     * Five bundles that together need more events than the pool holds: the later ones wait (offline, for the
     * notifier), none is lost.
     */
    @Test
    void bundlesBeyondThePoolWaitAndAreAllAnswered() {
        try (EngineHarness h = new EngineHarness()) {
            CountingClient counter = new CountingClient();
            for (int b = 0; b < 5; b++) {
                h.dispatcher.onPacket(bundle(queries(30_000, 2)), counter);
            }
            h.dispatcher.onPacket(EngineHarness.msg("/sync", 7), counter);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (counter.synced.getCount() > 0 && System.nanoTime() < deadline) {
                h.block();
            }
            assertEquals(0, counter.synced.getCount(), "no /synced; " + counter.infos.get() + " infos");
            assertEquals(150_000, counter.infos.get());
            assertEquals(0, h.engine.lostEvents());
        }
    }

    /** More replies than RT can ever hold at once: refused whole, one /error naming the limit, nothing run. */
    @Test
    void aBundleLargerThanTheEngineCanAnswerIsRefusedWhole() {
        try (EngineHarness h = new EngineHarness()) {
            List<OSCPacket> frees = new ArrayList<>();
            int n = Engine.REQUEST_EVENTS / 2 + 1; // a /resource/free may answer twice
            for (int i = 0; i < n; i++) {
                frees.add(EngineHarness.msg("/resource/free", 1));
            }
            h.dispatcher.onPacket(bundle(frees), h.client);
            List<OSCMessage> got = h.sync();
            assertEquals(1, got.size(), RecordingClient.describe(got));
            assertEquals(List.of("#bundle", -1, "bundle of " + n + " messages needs up to " + 2 * n
                    + " replies; the engine answers at most 65536 at once (at least 32768 messages of any kind); none "
                    + "of it ran"), got.get(0).getArguments());
            // the largest bundle of /resource/free still runs: every message answered
            h.dispatcher.onPacket(bundle(frees.subList(1, n)), h.client);
            assertEquals(n - 1, count(h.sync(), "/error"));
        }
    }

    /**
     * A worker posts a construct's result at once even when RT's reply queue is full of plugin commands: the old
     * worker waited there (and gave up after 10 s, the slot stuck constructing), keeping the next job waiting too.
     */
    @Test
    void aWorkerNeverWaitsToPostAResult() throws Exception {
        try (EngineHarness h = new EngineHarness(Map.of("workerThreads", "1"))) {
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", TestResources.URI, 1, "block");
            h.send("/resource/new", TestResources.URI, 2);
            h.block(); // both constructs go to the one worker; the first waits at its gate
            assertTrue(h.res.blocked.await(5, TimeUnit.SECONDS));
            int filled = 0;
            while (h.engine.host().performCommand((la.methc.api.WorldCommand) world -> { })) {
                filled++;
            }
            assertTrue(filled > 1000, "RT's reply queue is full: " + filled);
            h.res.gate.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (h.res.constructs.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(2, h.res.constructs.get(), "the worker went on to the next job without RT running");
            h.send("/sync", 3);
            List<OSCMessage> got = untilSynced(h, 3);
            assertEquals(2, count(got, "/resource/ready"), RecordingClient.describe(got));
        }
    }

    /** The counter of RT's lost events counts: a pool of one event, two obtained. */
    @Test
    void theLostEventCounterCounts() {
        EventChannel channel = new EventChannel(1);
        assertTrue(channel.obtain(RtEvent.Kind.STATUS) != null);
        assertEquals(0, channel.lost());
        assertEquals(null, channel.obtain(RtEvent.Kind.STATUS));
        assertEquals(1, channel.lost());
        assertEquals(null, channel.obtainSpare(RtEvent.Kind.WARNING, 0));
        assertEquals(1, channel.spared(), "a warning that would empty the reserve is left out and counted");
    }

    /**
     * While the notifier is held up (a client whose send blocks), RT leaves requests waiting block after block
     * without allocating; once it goes on, every one is answered.
     */
    @Test
    void backPressureAllocatesNothingOnRt() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        // a real-time engine (an offline one waits for the notifier instead of deferring), blocks run by the test
        try (EngineHarness h = new EngineHarness(Map.of("driver", "dummy"))) {
            CountingClient counter = new CountingClient();
            CountDownLatch release = new CountDownLatch(1);
            Client stalling = new Client() {
                @Override
                public void send(OSCPacket packet) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public String describe() {
                    return "stalling";
                }
            };
            h.send("/status"); // warm the request path
            h.blocks(10);
            h.client.takeAll();
            h.dispatcher.onPacket(EngineHarness.msg("/status"), stalling); // the notifier waits in its send
            for (int b = 0; b < 5; b++) {
                h.dispatcher.onPacket(bundle(queries(30_000, 2)), counter);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong blocks = new AtomicLong();
            int warmup = 30_000; // long enough for the JIT: four bundles go, the fifth waits throughout
            Thread rt = new Thread(() -> PacedBlocks.run(h.engine, h.in, h.out, running, blocks, warmup, 20_000),
                    "methcla-rt");
            rt.start();
            while (blocks.get() < warmup) {
                Thread.sleep(5);
            }
            JitQuiet.await(); // paced now, as measured: what this shape compiles is compiled before the window
            long before = threads.getThreadAllocatedBytes(rt.getId());
            long deferralsBefore = h.engine.deferrals();
            long start = blocks.get();
            while (blocks.get() < start + 5000) {
                Thread.sleep(5);
            }
            long allocated = threads.getThreadAllocatedBytes(rt.getId()) - before;
            long deferrals = h.engine.deferrals() - deferralsBefore;
            long measured = blocks.get() - start;
            running.set(false);
            rt.join();
            assertTrue(deferrals >= measured, "RT left the fifth bundle waiting block after block: " + deferrals);
            assertEquals(0, allocated, "bytes allocated by RT over " + measured + " deferring blocks");
            release.countDown();
            h.dispatcher.onPacket(EngineHarness.msg("/sync", 7), counter);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (counter.synced.getCount() > 0 && System.nanoTime() < deadline) {
                h.block();
            }
            assertEquals(150_000, counter.infos.get());
            assertEquals(0, h.engine.lostEvents());
        }
    }

    /** Counts infos and waits for {@code /synced}, keeping nothing (90,000 replies). */
    private static final class CountingClient implements Client {
        final AtomicInteger infos = new AtomicInteger();
        final CountDownLatch synced = new CountDownLatch(1);

        @Override
        public void send(OSCPacket packet) {
            String address = ((OSCMessage) packet).getAddress();
            if (address.equals("/resource/info")) {
                infos.incrementAndGet();
            } else if (address.equals("/synced")) {
                synced.countDown();
            }
        }

        @Override
        public String describe() {
            return "counting";
        }
    }
}
