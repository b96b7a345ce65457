package la.methc.engine.internal;

import la.methc.engine.internal.command.RtContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import la.methc.api.Mutability;
import la.methc.engine.internal.command.Command;
import la.methc.osc.OscFuzzer;
import la.methc.engine.internal.tree.NodeTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OSC fuzzer against a live engine: the real {@link EngineRuntime} on the {@code dummy} driver with its UDP
 * and TCP transports on 127.0.0.1, fed {@code methcla.fuzz.packets} (default {@value #DEFAULT_PACKETS}) packets
 * of {@link OscFuzzer} (seed {@code methcla.fuzz.seed}, printed) over UDP and {@value #TCP_CONNECTIONS} TCP
 * connections, valid requests of {@link FuzzCommands} among them. Afterwards the engine must still answer
 * {@code /status} and {@code /sync} over both; once every node and Resource is freed over OSC, no synth, no
 * group but the root and no Resource may be left, over OSC and inside (slot pool, node tree), every Resource
 * body and every synth made must have been destroyed exactly once, no TCP connection thread may be left, the
 * RT thread must still be computing blocks, nothing may have been logged at ERROR nor answered "internal
 * error", and closing must leave no thread behind. Run longer with {@code -Dmethcla.fuzz.packets=1000000}.
 */
class OscFuzzTest {

    static final int DEFAULT_PACKETS = 100_000;
    static final long DEFAULT_SEED = 0x5EED_F022L;
    private static final int TCP_CONNECTIONS = 3;
    /** One packet in this many goes over TCP. */
    private static final int TCP_SHARE = 4;
    /** UDP is paced by a /sync after this many packets or this many bytes, whichever comes first. */
    private static final int SYNC_EVERY = 150;
    private static final int SYNC_EVERY_BYTES = 64 * 1024;
    /** TCP connections are synced every this many UDP syncs. */
    private static final int TCP_SYNC_EVERY = 10;
    private static final int MAX_NODES = 64;
    private static final int MAX_RESOURCES = 16;
    /** The time budget for the default count; a longer run gets proportionally more. */
    private static final long BUDGET_MS = 60_000;
    /** JVM threads that may come and go beside the engine's (JIT, GC, surefire). */
    private static final int THREAD_TOLERANCE = 3;

    /** Counts the synths the fuzzer's SynthDefs made (they count their destroys in TestSynths.DESTROYED). */
    private final AtomicInteger synthsMade = new AtomicInteger();

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // a last resort: the run checks its own budget
    void fuzzedPacketsLeaveTheEngineAnsweringWithEverySlotAndNodeAccountedFor() throws Exception {
        int packets = Integer.getInteger("methcla.fuzz.packets", DEFAULT_PACKETS);
        long seed = Long.getLong("methcla.fuzz.seed", DEFAULT_SEED);
        long budgetMs = Math.max(BUDGET_MS, BUDGET_MS * packets / DEFAULT_PACKETS);
        System.out.printf("fuzz: %d packets, seed %d (-Dmethcla.fuzz.packets=N -Dmethcla.fuzz.seed=S)%n", packets,
                seed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int jvmThreadsBefore = threads.getThreadCount();
        Set<Thread> before = EngineThreads.alive();
        int destroyedBefore = TestSynths.DESTROYED.get();
        TestResources res = new TestResources(TestResources.URI, Mutability.MUTABLE);
        ResourceDefRegistry resources = new ResourceDefRegistry();
        resources.add(res);
        Map<String, String> o = new HashMap<>(Map.of("driver", "dummy", "port", "0", "bind", "127.0.0.1",
                "maxNodes", String.valueOf(MAX_NODES), "maxResources", String.valueOf(MAX_RESOURCES),
                "internalBuses", "16", "workerThreads", "2"));
        EngineRuntime runtime = new EngineRuntime(EngineOptions.from(o::get), synths(), resources, () -> { });
        long t0 = System.nanoTime();
        long fuzzMs;
        try (LogLines log = LogLines.capture()) {
            runtime.start(() -> { });
            int port = runtime.port();
            assertTrue(port > 0);
            Set<Thread> serving = EngineThreads.serving();
            Engine engine = runtime.engine();
            long blocksAtStart = engine.blocksDone();

            FuzzTraffic traffic = new FuzzTraffic(port, TCP_CONNECTIONS);
            try (traffic) {
                OscFuzzer fuzzer = new OscFuzzer(seed, new FuzzCommands(MAX_NODES, MAX_RESOURCES));
                Random route = new Random(seed + 1);
                long bytesSinceSync = 0;
                int sinceSync = 0;
                for (int n = 0; n < packets; n++) {
                    OscFuzzer.Packet p = fuzzer.next();
                    boolean tcp = route.nextInt(TCP_SHARE) == 0;
                    traffic.send(p, tcp ? route.nextInt(TCP_CONNECTIONS) : -1);
                    if (!tcp) {
                        bytesSinceSync += p.bytes().length;
                        sinceSync++;
                    }
                    if (sinceSync >= SYNC_EVERY || bytesSinceSync >= SYNC_EVERY_BYTES) {
                        assertTrue(traffic.pace(), "the engine stopped answering /sync over UDP after " + n
                                + " packets; " + traffic.report());
                        if (traffic.syncs % TCP_SYNC_EVERY == 0) {
                            assertTrue(traffic.paceTcp(), "a TCP connection stopped answering /sync after " + n
                                    + " packets; " + traffic.report());
                        }
                        sinceSync = 0;
                        bytesSinceSync = 0;
                        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                        assertTrue(elapsed < budgetMs, "over budget: " + n + " packets in " + elapsed + " ms");
                    }
                }
                assertTrue(traffic.pace(), "/sync over UDP after the last packet");
                assertTrue(traffic.paceTcp(), "/sync over every TCP connection after the last packet");
            }
            fuzzMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.printf("fuzz: %d ms; %s%n", fuzzMs, traffic.report());

            // what the fuzzing may have broken
            assertEquals(packets, traffic.packets());
            assertEquals(Set.of(), EngineThreads.leftOver(serving), "connection threads left after the clients left");
            assertEquals(0, traffic.internalErrors.get(), "internal errors: " + traffic.internalSamples);
            assertEquals(0, traffic.unexpectedCloses + traffic.tcpWriteFailures,
                    "TCP connections closed by the server with every size prefix right");
            assertEquals(0, traffic.notClosed, "connections the server kept after a size prefix it must refuse");
            assertTrue(traffic.serverClosed > 0 && traffic.malformed.get() > 0, "the fuzzing reached the checks: "
                    + traffic.report());
            assertTrue(engine.blocksDone() > blocksAtStart, "the RT thread computed blocks");

            Thread.sleep(2L * FuzzCommands.MAX_AHEAD_MS); // the last timed bundles are due
            freeEverythingAndCheck(runtime, port, res);
            long blocks = engine.blocksDone();
            Thread.sleep(50);
            assertTrue(engine.blocksDone() > blocks, "the RT thread is still computing blocks");
            assertEquals(0, log.errors.get(), "lines logged at ERROR: " + log.errorSamples);
            System.out.printf("fuzz: the engine logged %d warnings and %d errors; %d blocks computed%n",
                    log.warnings.get(), log.errors.get(), engine.blocksDone() - blocksAtStart);
        } finally {
            runtime.close();
        }
        int made = synthsMade.get();
        assertTrue(made > 0, "the fuzzer made synths");
        assertEquals(made, TestSynths.DESTROYED.get() - destroyedBefore, "every synth made was destroyed once");
        assertEquals(Set.of(), EngineThreads.leftOver(before), "engine threads left after close");
        assertTrue(awaitThreadCount(threads, jvmThreadsBefore + THREAD_TOLERANCE), "JVM threads: "
                + threads.getThreadCount() + ", " + jvmThreadsBefore + " before");
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("fuzz: %d packets in %d ms, %d ms in all; %d synths made and destroyed, %d Resource "
                + "bodies made and destroyed once; JVM threads %d before, %d after%n", packets, fuzzMs, totalMs,
                made, res.bodies.size(), jvmThreadsBefore, threads.getThreadCount());
        assertTrue(totalMs < budgetMs, "took " + totalMs + " ms");
    }

    /**
     * {@code /status} and {@code /sync} over UDP and TCP; then every node and Resource freed over OSC, and
     * nothing left, over OSC and in the pool and the tree; every Resource body destroyed exactly once.
     */
    private static void freeEverythingAndCheck(EngineRuntime runtime, int port, TestResources res) throws Exception {
        try (UdpOscClient udp = new UdpOscClient("fuzz-check-udp", port, Set.of("/synced", "/status.reply"))) {
            assertTrue(udp.sync(1), "/sync over UDP");
            assertNotNull(status(udp), "/status over UDP");
        }
        try (TcpOscClient ctl = new TcpOscClient("fuzz-check-tcp", port, Set.of("/synced", "/status.reply"))) {
            assertNotNull(status(ctl), "/status over TCP");
            for (int id = 1; id < MAX_NODES; id++) {
                ctl.send("/node/free", id);
            }
            ctl.send("/group/freeAll", 0);
            for (int id = 0; id < MAX_RESOURCES; id++) {
                ctl.send("/resource/free", id);
            }
            assertTrue(ctl.sync(2), "/synced after freeing every node and Resource");
            OSCMessage status = status(ctl);
            assertNotNull(status, "/status over TCP");
            assertEquals(List.of(0, 1, 0), status.getArguments().subList(0, 3), "no synth, only the root, no Resource");
        }
        PoolSnapshot pool = new PoolSnapshot();
        TreeSnapshot tree = new TreeSnapshot();
        assertTrue(runtime.engine().control().runAndWait(pool, 5000) && runtime.engine().control().runAndWait(tree, 5000));
        assertEquals(PoolSnapshot.allFree(MAX_RESOURCES), pool.slots, "every slot free, refcount 0, not free-pending");
        assertEquals(0, pool.performsInFlight);
        assertEquals(List.of(0, 1, 0), List.of(tree.synths, tree.groups, tree.rootChildren),
                "the tree: no synth, one group (the root), nothing in it");
        List<String> wrong = res.bodies.stream().filter(b -> b.destroyed.get() != 1).map(Object::toString).toList();
        assertEquals(List.of(), wrong, "every Resource body destroyed exactly once");
        assertEquals(res.bodies.size(), pool.destroyedBodies, "bodies the pool destroyed");
        assertTrue(res.bodies.size() > 0, "the fuzzer made Resources");
        assertEquals(0, runtime.engine().lostEvents(), "replies and notifications RT lost");
    }

    private static OSCMessage status(OscClient c) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            c.send("/status");
            OSCMessage m = c.await(x -> x.getAddress().equals("/status.reply"), 1000);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static boolean awaitThreadCount(ThreadMXBean threads, int most) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threads.getThreadCount() > most && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return threads.getThreadCount() <= most;
    }

    /** The test SynthDefs that cannot fail on their own, each counting the synths it makes. */
    private SynthDefRegistry synths() {
        SynthDefRegistry r = new SynthDefRegistry();
        r.add(TestSynths.def(TestSynths.SINE, x -> counted(new TestSynths.Sine())));
        r.add(TestSynths.def(TestSynths.CONST, x -> counted(new TestSynths.Const())));
        r.add(TestSynths.def(TestSynths.DONE, x -> counted(new TestSynths.DoneAfter(x.intAt(0)))));
        r.add(TestSynths.def(TestSynths.HOLDER, x -> counted(new TestSynths.Holder(x.intAt(0, -1), x.intAt(1, 0)))));
        return r;
    }

    private <S> S counted(S synth) {
        synthsMade.incrementAndGet();
        return synth;
    }

    /** Reads the node tree on RT. */
    static final class TreeSnapshot extends Command {
        int synths;
        int groups;
        int rootChildren;

        TreeSnapshot() {
            super("/test/tree", null);
        }

        /** RT (a test: allocates). */
        @Override
        public void perform(RtContext rt, int offset) {
            NodeTree t = rt.tree();
            synths = t.numSynths();
            groups = t.numGroups();
            for (var n = t.root().head(); n != null; n = n.next()) {
                rootChildren++;
            }
        }
    }
}
