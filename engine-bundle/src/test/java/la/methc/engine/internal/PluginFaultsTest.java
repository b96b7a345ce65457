package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourceRef;
import la.methc.api.Synth;
import la.methc.api.World;
import org.junit.jupiter.api.Test;

/**
 * Plugin code that breaks its contract in every way a synth can, Errors included: the engine answers the
 * client, frees what the synth held and keeps every thread it runs plugin code on (network, RT, notifier,
 * workers) alive.
 */
class PluginFaultsTest {

    /** The ways {@link Faulty} breaks. */
    enum Fault { NONE, PORTS_THROW, PORTS_NULL, PORT_NULL, CONNECT_THROWS, DESTROY_ERROR, PROCESS_THROWS_HOLDING,
        WORKER_JOB_ERRORS }

    private static final String FAULTY = "test:faulty";
    private static final String CONSTRUCT_ERROR = "test:construct-error";

    /** A synth with one control input and one audio output that fails as its option 0 (a {@link Fault}) says. */
    static final class Faulty implements Synth {
        static final AtomicInteger DESTROYED = new AtomicInteger();
        private final Fault fault;
        private final int resource;
        private final ResourceRef<TestResources.Body> ref = new ResourceRef<>(TestResources.URI,
                TestResources.Body.class);
        private final HostCommand brokenJob = host -> {
            throw new AssertionError("job broke");
        };
        private float[] out;
        private int blocks;

        Faulty(Fault fault, int resource) {
            this.fault = fault;
            this.resource = resource;
        }

        @Override
        public List<PortDescriptor> ports() {
            return switch (fault) {
                case PORTS_THROW -> throw new IllegalStateException("no ports today");
                case PORTS_NULL -> null;
                case PORT_NULL -> Arrays.asList(PortDescriptor.controlInput("gain", 1f), null);
                default -> List.of(PortDescriptor.controlInput("gain", 1f), PortDescriptor.audioOutput("out"));
            };
        }

        @Override
        public void connect(int index, float[] data) {
            if (fault == Fault.CONNECT_THROWS && index == 1) {
                throw new UnsupportedOperationException("cannot connect");
            }
            if (index == 1) {
                out = data;
            }
        }

        @Override
        public void attach(World world) {
            if (resource >= 0) {
                ref.bind(world, resource);
            }
        }

        @Override
        public void detach(World world) {
            ref.close();
        }

        @Override
        public void process(World world, int offset, int frames) {
            Arrays.fill(out, offset, offset + frames, 0.25f);
            if (fault == Fault.PROCESS_THROWS_HOLDING && ++blocks == 3) {
                throw new IllegalStateException("process broke");
            }
            if (fault == Fault.WORKER_JOB_ERRORS && ++blocks <= 4) {
                world.performCommand(brokenJob);
            }
        }

        @Override
        public void destroy(Host host) {
            DESTROYED.incrementAndGet();
            if (fault == Fault.DESTROY_ERROR) {
                throw new AssertionError("destroy broke");
            }
        }
    }

    private static EngineHarness harness() {
        EngineHarness h = new EngineHarness();
        h.defs.add(TestSynths.def(FAULTY, o -> new Faulty(Fault.valueOf(o.stringAt(0)), o.intAt(1, -1))));
        h.defs.add(TestSynths.def(CONSTRUCT_ERROR, o -> {
            throw new StackOverflowError("construct broke");
        }));
        h.send("/notify", 1);
        h.client.await("/done");
        return h;
    }

    private static void faulty(EngineHarness h, int id, Fault fault, Object... more) {
        List<Object> options = new ArrayList<>(List.of(fault.name()));
        options.addAll(List.of(more));
        h.synthWith(FAULTY, id, 0, 1, options.toArray());
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.onSpinWait();
        }
    }

    /** The next /error, checked: address, id and a reason containing every part. */
    private static void assertError(EngineHarness h, String address, int id, String... reasonParts) {
        List<Object> e = h.until("/error").getArguments();
        assertEquals(address, e.get(0), e.toString());
        assertEquals(id, e.get(1), e.toString());
        for (String part : reasonParts) {
            assertTrue(((String) e.get(2)).contains(part), "'" + e.get(2) + "' should contain " + part);
        }
    }

    /** A healthy synth still works after the fault: the network thread is alive and so is RT. */
    private static void assertEngineGoesOn(EngineHarness h) {
        h.synth(TestSynths.CONST, 60, 0, 1, 0.5f);
        h.send("/synth/map/output", 60, 0, 0, 1);
        h.send("/synth/activate", 60);
        h.block();
        assertEquals(0.5f, h.block()[0][10]);
        h.send("/node/free", 60);
        assertEquals(List.of(60), h.until("/node/ended").getArguments());
    }

    @Test
    void constructThrowingAnErrorIsAnsweredAndTheNetworkThreadGoesOn() {
        try (EngineHarness h = harness()) {
            h.synth(CONSTRUCT_ERROR, 5, 0, 1);
            assertError(h, "/synth/new", 5, CONSTRUCT_ERROR, "failed to construct", "StackOverflowError");
            assertNull(h.engine.tree().get(5));
            assertEngineGoesOn(h);
        }
    }

    @Test
    void brokenPortsRefuseTheSynthWithItsIdAndDefAndDestroyIt() {
        try (EngineHarness h = harness()) {
            int destroyed = Faulty.DESTROYED.get();
            faulty(h, 5, Fault.PORTS_THROW);
            assertError(h, "/synth/new", 5, FAULTY, "failed to describe its ports", "no ports today");
            faulty(h, 6, Fault.PORTS_NULL);
            assertError(h, "/synth/new", 6, FAULTY, "ports() returned null");
            faulty(h, 7, Fault.PORT_NULL);
            assertError(h, "/synth/new", 7, FAULTY, "null port at index 1");
            faulty(h, 8, Fault.CONNECT_THROWS);
            assertError(h, "/synth/new", 8, FAULTY, "failed to connect port 1", "cannot connect");
            assertEquals(destroyed + 4, Faulty.DESTROYED.get(), "each refused synth destroyed once");
            h.send("/status");
            assertEquals(0, h.until("/status.reply").getArguments().get(0), "no synth left");
            assertEngineGoesOn(h);
        }
    }

    @Test
    void destroyThrowingAnErrorIsAnsweredBeforeNodeEndedAndTheNotifierGoesOn() {
        try (EngineHarness h = harness()) {
            faulty(h, 5, Fault.DESTROY_ERROR);
            h.send("/synth/activate", 5);
            h.blocks(2);
            h.send("/node/free", 5);
            List<OSCMessage> got = h.sync();
            assertEquals(List.of("/error", "/node/ended"), got.stream().map(OSCMessage::getAddress).toList(),
                    RecordingClient.describe(got));
            assertEquals(List.of("/synth/destroy", 5, FAULTY + " destroy threw java.lang.AssertionError: destroy broke"),
                    got.get(0).getArguments());
            assertEquals(List.of(5), got.get(1).getArguments());
            // refused in attach (resource 3 does not exist), then destroy throws: logged only, the notifier lives
            faulty(h, 6, Fault.DESTROY_ERROR, 3);
            assertError(h, "/synth/new", 6, "resource 3", "not live");
            assertEngineGoesOn(h);
        }
    }

    @Test
    void processThrowingIsAnsweredBeforeNodeEndedAndTheSynthsResourcesAreReleased() {
        try (EngineHarness h = harness()) {
            h.newResource(TestResources.URI, 2, 1f);
            faulty(h, 5, Fault.PROCESS_THROWS_HOLDING, 2);
            h.synth(TestSynths.CONST, 6, 0, 1, 0.5f);
            h.send("/synth/map/output", 6, 0, 0, 1);
            h.block();
            // attached, not yet active: it holds the resource and does not run
            assertEquals(List.of(TestResources.URI, "live", 1), h.query(2));
            h.send("/synth/activate", 5);
            h.send("/synth/activate", 6);
            h.blocks(5);
            List<OSCMessage> got = h.sync();
            assertEquals(List.of("/error", "/node/ended"), got.stream().map(OSCMessage::getAddress).toList(),
                    RecordingClient.describe(got));
            assertEquals(List.of("/synth/process", 5, FAULTY + " threw java.lang.IllegalStateException: process broke"),
                    got.get(0).getArguments());
            assertEquals(List.of(5), got.get(1).getArguments());
            assertEquals(List.of(TestResources.URI, "live", 0), h.query(2), "the failed synth let go of its resource");
            assertEquals(0.5f, h.block()[0][63], "the other synth goes on");
            h.send("/resource/free", 2);
            assertEquals(List.of(2), h.until("/resource/destroyed").getArguments());
        }
    }

    @Test
    void workerJobsThrowingErrorsCostNoWorker() {
        try (EngineHarness h = harness()) {
            // four broken jobs for two workers: a worker that died with its job would leave none
            faulty(h, 5, Fault.WORKER_JOB_ERRORS);
            h.send("/synth/activate", 5);
            h.blocks(6);
            h.sync();
            h.newResource(TestResources.URI, 1, 1f);
            h.send("/resource/free", 1);
            assertEquals(List.of(1), h.until("/resource/destroyed").getArguments());
            waitFor(() -> h.engine.settled());
        }
    }
}
