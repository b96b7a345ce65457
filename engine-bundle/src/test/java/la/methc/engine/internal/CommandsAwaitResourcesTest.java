package la.methc.engine.internal;

import la.methc.plugins.testkit.JitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import org.junit.jupiter.api.Test;

/**
 * A plugin command naming a Resource still being made waits for it, in arrival order with every plugin command
 * behind it, and runs once the Resource is live, or answers {@code /error} when it never becomes live (its construct
 * failed, it was freed meanwhile, the engine shut down). {@code /synth/new} does not wait.
 */
class CommandsAwaitResourcesTest {

    private static final String URI = TestResources.URI;

    /** {@code address i:id}: reads resource id and answers /done. */
    private record Touch(String address) implements CommandDef {
        @Override
        public CommandPlan plan(Host host, OscArgs args) {
            int id = args.intAt(0);
            return new CommandPlan(id, new int[] {id}, new boolean[] {false}, false, (h, b) -> null);
        }
    }

    /** {@code address i:resource i:n}: holds the resource until {@code open} opens, answers {@code /done address n}. */
    private record Held(String address, CountDownLatch open) implements CommandDef {
        @Override
        public CommandPlan plan(Host host, OscArgs args) {
            return new CommandPlan(args.intAt(1), new int[] {args.intAt(0)}, new boolean[] {false}, false, (h, b) -> {
                open.await(10, TimeUnit.SECONDS);
                return null;
            });
        }
    }

    /** Runs blocks until {@code n} messages (no /synced among them unless counted) came, or 5 s passed. */
    private static List<List<Object>> messages(EngineHarness h, int n) {
        List<List<Object>> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (got.size() < n && System.nanoTime() < deadline) {
            h.block();
            for (OSCMessage m : h.client.takeAll()) {
                List<Object> l = new ArrayList<>();
                l.add(m.getAddress());
                l.addAll(m.getArguments());
                got.add(l);
            }
        }
        return got;
    }

    private static List<Object> m(Object... parts) {
        return Arrays.asList(parts);
    }

    @Test
    void aCommandWaitsForItsResourceAndTheOnesBehindItKeepTheirPlace() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 2);
            h.commandDefs.add(new Touch("/test/touch"));
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            h.send("/test/touch", 1);
            h.send("/test/touch", 2); // live, but behind a waiting command: it waits too
            h.send("/sync", 5);
            h.blocks(30);
            assertTrue(h.res.blocked.await(5, TimeUnit.SECONDS));
            assertEquals(List.of(), h.client.takeAll(), "nothing answered while the resource is being made");
            h.res.gate.countDown();
            assertEquals(List.of(m("/resource/ready", 1), m("/done", "/test/touch", 1), m("/done", "/test/touch", 2),
                    m("/synced", 5)), messages(h, 4));
            assertEquals(List.of(URI, "live", 0), h.query(1), "the dispatch released what it held");
        }
    }

    /**
     * A plugin command arriving while every dispatch is in flight (their tasks blocked) waits in line for one to
     * come back, as it would behind a waiting command: no {@code /error} BUSY, and all run in arrival order.
     */
    @Test
    void commandsBeyondTheDispatchesInFlightWaitForOne() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            CountDownLatch open = new CountDownLatch(1);
            h.commandDefs.add(new Held("/test/held", open));
            int n = la.methc.engine.internal.resource.SlotPool.PERFORM_JOBS + 44;
            for (int i = 0; i < n; i++) {
                h.send("/test/held", 1, i);
            }
            h.send("/sync", 7);
            h.blocks(20);
            assertEquals(List.of(), h.client.takeAll(), "none refused busy, none done yet");
            open.countDown();
            List<List<Object>> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(m("/done", "/test/held", i));
            }
            expected.add(m("/synced", 7));
            assertEquals(expected, messages(h, n + 1));
            assertEquals(List.of(URI, "live", 0), h.query(1), "every dispatch released what it held");
        }
    }

    @Test
    void aFailedConstructIsAnErrorForTheWaitingCommand() {
        try (EngineHarness h = new EngineHarness()) {
            h.commandDefs.add(new Touch("/test/touch"));
            // both reach RT in one block, before the construct can come back: the command waits
            h.send("/resource/new", URI, 1, "throw");
            h.send("/test/touch", 1);
            List<List<Object>> got = messages(h, 2);
            assertEquals(m("/resource/error", 1, URI + ": bad size"), got.get(0));
            assertEquals(m("/error", "/test/touch", 1, "resource is not live"), got.get(1));
        }
    }

    @Test
    void aResourceFreedWhileBeingMadeIsAnErrorForTheWaitingCommand() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.commandDefs.add(new Touch("/test/touch"));
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            h.send("/test/touch", 1);
            h.send("/resource/free", 1);
            h.blocks(5);
            assertTrue(h.res.blocked.await(5, TimeUnit.SECONDS));
            h.res.gate.countDown();
            assertEquals(List.of(m("/error", "/test/touch", 1, "resource is not live"), m("/resource/destroyed", 1)),
                    messages(h, 2));
            assertEquals(List.of("", "free", 0), h.query(1));
        }
    }

    @Test
    void atShutdownAWaitingCommandIsAnErrorAndNeverRuns() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.commandDefs.add(new Touch("/test/touch"));
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            h.send("/test/touch", 1);
            h.blocks(5);
            EngineCommands.FreeAll shutdown = new EngineCommands.FreeAll();
            shutdown.perform(h.engine.context(), 0); // the first step of shutdown, as RT runs it
            assertEquals(List.of(m("/error", "/test/touch", 1, "the engine is shutting down")), messages(h, 1));
            h.res.gate.countDown();
            assertEquals(List.of(m("/resource/ready", 1)), messages(h, 1));
            h.blocks(20);
            assertEquals(List.of(), h.client.takeAll(), "the command never ran");
            assertEquals(List.of(URI, "live", 0), h.query(1), "and holds nothing");
        }
    }

    @Test
    void aFullLineRefusesWithAReason() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.commandDefs.add(new Touch("/test/touch"));
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            for (int i = 0; i <= ResourceWaits.CAPACITY; i++) {
                h.send("/test/touch", 1);
            }
            assertEquals(List.of(m("/error", "/test/touch", 1, "too many commands wait for resources being made ("
                    + ResourceWaits.CAPACITY + ")")), messages(h, 1));
            h.res.gate.countDown();
            List<List<Object>> got = messages(h, 1 + ResourceWaits.CAPACITY);
            assertEquals(1 + ResourceWaits.CAPACITY, got.size());
            assertEquals(ResourceWaits.CAPACITY, got.stream().filter(x -> x.equals(m("/done", "/test/touch", 1)))
                    .count());
            // the events the line held are given back: a request as large as the pool allows is still taken
            h.newResource(URI, 2);
        }
    }

    @Test
    void synthNewDoesNotWait() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.res.gate = new CountDownLatch(1);
            h.send("/resource/new", URI, 1, "block");
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            OSCMessage e = h.until("/error");
            assertEquals("/synth/new", e.getArguments().get(0));
            assertTrue(((String) e.getArguments().get(2)).contains("resource is not live"), e.getArguments().toString());
            h.res.gate.countDown();
            h.until("/resource/ready");
        }
    }

    @Test
    void waitingAndResumingAllocateNothingOnRt() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (EngineHarness h = new EngineHarness()) {
            h.commandDefs.add(new Touch("/test/touch"));
            for (int round = 0; round < 800; round++) {
                waitAndResume(h, threads);
            }
            JitQuiet.settle(() -> waitAndResume(h, threads)); // the same rounds until the JIT settled
            long allocated = 0;
            for (int round = 0; round < 200; round++) {
                allocated += waitAndResume(h, threads);
            }
            assertEquals(0, allocated, "bytes RT allocated while commands waited and resumed");
        }
    }

    /** One round: a command waits for a Resource being made and resumes; the bytes RT's blocks allocated. */
    private static long waitAndResume(EngineHarness h, com.sun.management.ThreadMXBean threads) {
        long allocated = 0;
        h.send("/resource/new", URI, 1);
        h.send("/test/touch", 1); // waits: the construct cannot be back in this block
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen < 2 && System.nanoTime() < deadline) {
            long before = threads.getCurrentThreadAllocatedBytes();
            h.engine.process(h.in, h.out);
            allocated += threads.getCurrentThreadAllocatedBytes() - before;
            seen += h.client.takeAll().size(); // /resource/ready, /done
        }
        assertEquals(2, seen, "a round's replies");
        h.send("/resource/free", 1);
        h.until("/resource/destroyed");
        return allocated;
    }

    /**
     * In a score: commands in the block of the {@code /resource/new}s wait for their buffers, two plugin commands
     * in one block both run (the later one's job waits on its worker for the earlier one's reply to run on RT,
     * which the offline driver now runs as replies come), and the render ends without an error.
     */
    @Test
    void inAScoreCommandsWaitForTheirResources(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
        resourceDefs.add(new TestResources(URI, la.methc.api.Mutability.MUTABLE));
        CommandDefRegistry commandDefs = new CommandDefRegistry();
        commandDefs.add(new Touch("/test/touch"));
        RecordingClient client = new RecordingClient("score");
        List<com.illposed.osc.OSCBundle> score = List.of(
                la.methc.engine.internal.driver.Score.bundle(0, List.of(
                        EngineHarness.msg("/resource/new", URI, 1, "slow"),
                        EngineHarness.msg("/resource/new", URI, 2, "slow"),
                        EngineHarness.msg("/test/touch", 1), EngineHarness.msg("/test/touch", 2),
                        EngineHarness.msg("/test/touch", 1))),
                la.methc.engine.internal.driver.Score.bundle(0.01, List.of(EngineHarness.msg("/test/touch", 2),
                        EngineHarness.msg("/test/touch", 1))));
        ScoreRender.render(dir, "waits", score, java.util.Map.of("workerThreads", "2"), resourceDefs, commandDefs,
                client, false, 30);
        List<List<Object>> done = new ArrayList<>();
        for (OSCMessage msg : client.takeAll()) {
            List<Object> l = new ArrayList<>(List.of(msg.getAddress()));
            l.addAll(msg.getArguments());
            if (!msg.getAddress().startsWith("/resource/")) {
                done.add(l);
            }
        }
        assertEquals(List.of(m("/done", "/test/touch", 1), m("/done", "/test/touch", 2), m("/done", "/test/touch", 1),
                m("/done", "/test/touch", 2), m("/done", "/test/touch", 1)), done);
    }
}
