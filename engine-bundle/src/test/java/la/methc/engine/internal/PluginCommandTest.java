package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.CommandReply;
import la.methc.api.CommandTask;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.engine.internal.plugin.CommandDefEntry;
import org.junit.jupiter.api.Test;

/**
 * CommandDef services: an address the engine does not know goes to the bound def; its plan (network thread)
 * becomes a performWithResources dispatch (RT) whose task (worker) answers the sender after the release.
 */
class PluginCommandTest {

    private static final String URI = TestResources.URI;

    /** A CommandDef whose plan is a function of the arguments. */
    private record TestCommand(String address, Function<OscArgs, CommandPlan> planner) implements CommandDef {
        @Override
        public CommandPlan plan(Host host, OscArgs args) {
            return planner.apply(args);
        }
    }

    /** {@code address i:id}: holds resource id (writes, exclusive as given) and runs {@code task}. */
    private static TestCommand command(String address, boolean write, boolean exclusive, CommandTask task) {
        return new TestCommand(address, a -> {
            int id = a.intAt(0);
            return new CommandPlan(id, new int[] {id}, new boolean[] {write}, exclusive, task);
        });
    }

    private static void assertMessage(OSCMessage m, String address, Object... args) {
        assertEquals(address, m.getAddress());
        assertEquals(Arrays.asList(args), m.getArguments(), address);
    }

    private static void assertError(EngineHarness h, String address, int id, String reasonPart) {
        OSCMessage e = h.until("/error");
        List<Object> a = e.getArguments();
        assertEquals(address, a.get(0), "address in " + a);
        assertEquals(id, a.get(1), "id in " + a);
        assertTrue(((String) a.get(2)).contains(reasonPart), "reason '" + a.get(2) + "' should contain " + reasonPart);
    }

    @Test
    void aTaskReturningNullIsDoneAndRanOnAWorkerWithTheBodies() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 2, 0.5f);
            AtomicReference<Object[]> bodies = new AtomicReference<>();
            AtomicReference<String> thread = new AtomicReference<>();
            assertTrue(h.commandDefs.add(command("/test/touch", true, false, (host, b) -> {
                bodies.set(b);
                thread.set(Thread.currentThread().getName());
                return null;
            })));
            h.send("/test/touch", 2);
            assertMessage(h.until("/done"), "/done", "/test/touch", 2);
            assertSame(h.res.bodies.get(0), bodies.get()[0]);
            assertTrue(thread.get().startsWith("methcla-worker"), thread.get());
        }
    }

    @Test
    void aCommandReplyIsSentInsteadOfDone() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 2);
            h.commandDefs.add(command("/test/ask", false, false,
                    (host, b) -> CommandReply.of("/test/ask.reply", 2, 1.5f, "x", null)));
            h.send("/test/ask", 2);
            assertMessage(h.until("/test/ask.reply"), "/test/ask.reply", 2, 1.5f, "x", null);
            assertTrue(h.sync().stream().noneMatch(m -> m.getAddress().equals("/done")), "no /done besides the reply");
        }
    }

    @Test
    void aTaskThatThrowsIsAnError() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 2);
            h.commandDefs.add(command("/test/fail", false, false, (host, b) -> {
                throw new java.io.IOException("disk on fire");
            }));
            h.commandDefs.add(command("/test/npe", false, false, (host, b) -> {
                throw new NullPointerException();
            }));
            h.commandDefs.add(command("/test/linkage", false, false, (host, b) -> {
                throw new NoClassDefFoundError("la/gone/Plugin");
            }));
            h.send("/test/fail", 2);
            assertMessage(h.until("/error"), "/error", "/test/fail", 2, "disk on fire");
            h.send("/test/npe", 2);
            assertMessage(h.until("/error"), "/error", "/test/npe", 2, "java.lang.NullPointerException");
            h.send("/test/linkage", 2);
            assertMessage(h.until("/error"), "/error", "/test/linkage", 2, "la/gone/Plugin");
            assertEquals(List.of(URI, "live", 0), h.query(2), "released every time");
        }
    }

    @Test
    void aPlanThatRefusesIsAnErrorAtOnce() {
        try (EngineHarness h = new EngineHarness()) {
            h.commandDefs.add(new TestCommand("/test/plan", a -> {
                switch (a.stringAt(1)) {
                    case "bad" -> throw new IllegalArgumentException("threshold must be positive");
                    case "crash" -> throw new IllegalStateException("plugin bug");
                    default -> {
                        return null;
                    }
                }
            }));
            h.send("/test/plan", 7, "bad");
            assertMessage(h.client.await("/error"), "/error", "/test/plan", 7, "threshold must be positive");
            h.send("/test/plan", 7, "crash");
            assertError(h, "/test/plan", 7, "failed to plan: java.lang.IllegalStateException: plugin bug");
            h.send("/test/plan", 7, "null");
            assertError(h, "/test/plan", 7, "planned nothing");
            h.send("/test/plan", "s");
            assertError(h, "/test/plan", -1, "argument 1");
        }
    }

    @Test
    void refusedDispatchesAnswerTheStatusReason() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            h.newResource(TestResources.IMMUTABLE_URI, 3);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 1);
            h.commandDefs.add(command("/test/write", true, false, (host, b) -> null));
            h.commandDefs.add(command("/test/inplace", true, true, (host, b) -> null));
            h.send("/test/write", 5);
            assertError(h, "/test/write", 5, "resource is not live");
            h.send("/test/write", 99);
            assertError(h, "/test/write", 99, "resource id out of range");
            h.send("/test/write", 3);
            assertError(h, "/test/write", 3, "resource is immutable");
            h.send("/test/inplace", 1);
            assertError(h, "/test/inplace", 1, "resource has other holders");
            assertEquals(List.of(URI, "live", 1), h.query(1), "nothing acquired by the refusals");
            h.send("/node/free", 10);
            h.send("/test/inplace", 1);
            assertMessage(h.until("/done"), "/done", "/test/inplace", 1);
        }
    }

    @Test
    void theReplyFollowsTheReleaseAndPrecedesALaterSynced() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch open = new CountDownLatch(1);
            h.commandDefs.add(command("/test/slow", false, false, (host, b) -> {
                entered.countDown();
                open.await(5, TimeUnit.SECONDS);
                return null;
            }));
            h.send("/test/slow", 1);
            h.send("/sync", 77);
            h.block();
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            h.blocks(20);
            assertTrue(h.client.takeAll().isEmpty(), "neither /done nor /synced while the task runs");
            open.countDown();
            List<String> order = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (order.size() < 2 && System.nanoTime() < deadline) {
                h.block();
                h.client.takeAll().forEach(m -> order.add(m.getAddress()));
            }
            assertEquals(List.of("/done", "/synced"), order);
            // the next command after /done finds the resource released: an exclusive one is accepted
            h.commandDefs.add(command("/test/inplace", true, true, (host, b) -> null));
            h.send("/test/inplace", 1);
            assertMessage(h.until("/done"), "/done", "/test/inplace", 1);
        }
    }

    @Test
    void commandsRunOneAfterTheOtherInTheOrderTheyArrived() throws Exception {
        try (EngineHarness h = new EngineHarness(java.util.Map.of("workerThreads", "3"))) {
            h.newResource(URI, 1);
            h.newResource(URI, 2);
            CountDownLatch open = new CountDownLatch(1);
            List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            h.commandDefs.add(command("/test/first", true, false, (host, b) -> {
                open.await(5, TimeUnit.SECONDS);
                ran.add("first");
                return null;
            }));
            h.commandDefs.add(command("/test/then", false, false, (host, b) -> {
                ran.add("then " + b.length);
                return null;
            }));
            h.send("/test/first", 1);
            h.send("/test/then", 9); // refused (not live): its place in the order is given back
            h.send("/test/then", 2); // another resource, a free worker: it still waits for the first
            h.send("/test/then", 1);
            h.blocks(20);
            Thread.sleep(50);
            assertEquals(List.of(), ran, "nothing before the first command");
            assertError(h, "/test/then", 9, "resource is not live");
            open.countDown();
            List<Object> done = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (done.size() < 3 && System.nanoTime() < deadline) {
                h.block();
                h.client.takeAll().stream().filter(m -> m.getAddress().equals("/done"))
                        .forEach(m -> done.add(m.getArguments()));
            }
            assertEquals(List.of("first", "then 1", "then 1"), ran);
            assertEquals(List.of(List.of("/test/first", 1), List.of("/test/then", 2), List.of("/test/then", 1)),
                    done);
        }
    }

    @Test
    void theReplyGoesToTheSenderOnly() {
        try (EngineHarness h = new EngineHarness()) {
            RecordingClient other = new RecordingClient("other");
            h.dispatcher.onPacket(EngineHarness.msg("/notify", 1), other);
            h.newResource(URI, 1);
            h.commandDefs.add(command("/test/touch", false, false, (host, b) -> null));
            h.send("/test/touch", 1);
            h.until("/done");
            h.sync();
            assertTrue(other.takeAll().stream().noneMatch(m -> m.getAddress().equals("/done")
                    && m.getArguments().contains("/test/touch")), "the other client heard nothing of it");
        }
    }

    @Test
    void anUnknownAddressIsStillAnError() {
        try (EngineHarness h = new EngineHarness()) {
            h.commandDefs.add(command("/test/touch", false, false, (host, b) -> null));
            h.send("/test/nothing", 1);
            assertError(h, "/test/nothing", -1, "unknown command /test/nothing");
        }
    }

    @Test
    void builtInAddressesAndDuplicatesAreRefused() {
        CommandDefRegistry r = new CommandDefRegistry();
        for (String address : OscDispatcher.BUILT_IN) {
            assertFalse(r.add(command(address, false, false, (host, b) -> null)), address);
        }
        assertFalse(r.add(command("no-slash", false, false, (host, b) -> null)));
        assertFalse(r.add(command("/", false, false, (host, b) -> null)));
        TestCommand first = command("/x", false, false, (host, b) -> null);
        TestCommand second = command("/x", false, false, (host, b) -> null);
        assertTrue(r.add(first));
        assertFalse(r.add(second));
        assertNull(r.remove(second), "the refused def was never bound");
        assertSame(first, r.get("/x").def());
        assertNotNull(r.remove(first));
        assertNull(r.get("/x"));
    }

    @Test
    void everyBuiltInAddressIsHandledByTheDispatcher() {
        try (EngineHarness h = new EngineHarness()) {
            for (String address : OscDispatcher.BUILT_IN) {
                h.send(address, "bogus", "arguments");
            }
            h.blocks(2);
            for (OSCMessage m : h.client.drain(200)) {
                assertFalse(m.getArguments().stream().anyMatch(a -> a.toString().startsWith("unknown command")),
                        m.getArguments().toString());
            }
        }
    }

    @Test
    void aDepartingDefRefusesWhatWaitsAndLetsWhatRunsFinish() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(URI, 1);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch open = new CountDownLatch(1);
            TestCommand slow = command("/test/slow", false, false, (host, b) -> {
                entered.countDown();
                open.await(5, TimeUnit.SECONDS);
                return null;
            });
            h.commandDefs.add(slow);
            h.send("/test/slow", 1);
            h.block();
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            h.send("/test/slow", 1); // accepted, not yet dispatched
            CommandDefEntry entry = h.commandDefs.remove(slow);
            assertEquals(1, entry.inFlight());
            Thread opener = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                open.countDown();
            });
            opener.start();
            long t0 = System.nanoTime();
            assertTrue(entry.retire(5000), "retire waits for the running task");
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(50), "it did wait");
            assertEquals(0, entry.inFlight());
            assertError(h, "/test/slow", 1, "CommandDef /test/slow was unregistered");
            assertMessage(h.until("/done"), "/done", "/test/slow", 1);
            h.send("/test/slow", 1);
            assertError(h, "/test/slow", -1, "unknown command");
            assertEquals(List.of(URI, "live", 0), h.query(1));
        }
    }

    @Test
    void theEnginesSamplePathUsesTheSampleRootOption(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (EngineHarness h = new EngineHarness(java.util.Map.of("sampleRoot", dir.toString()))) {
            assertEquals(dir.toRealPath().resolve("a/b.wav"), h.engine.host().samplePath("a/b.wav"));
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> h.engine.host().samplePath("../b.wav"));
            assertTrue(e.getMessage().contains("outside the sample root"), e.getMessage());
        }
    }
}
