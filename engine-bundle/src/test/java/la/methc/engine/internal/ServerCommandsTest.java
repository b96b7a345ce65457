package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;
import la.methc.engine.internal.tree.SynthDefEntry;
import org.junit.jupiter.api.Test;

class ServerCommandsTest {

    @Test
    void statusCountsNodesAndReportsFormat() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", 1, 0, 1);
            h.synth(TestSynths.CONST, 2, 1, 1);
            h.send("/status");
            h.block();
            List<Object> a = h.client.await("/status.reply").getArguments();
            assertEquals(1, a.get(0), "synths");
            assertEquals(2, a.get(1), "groups (root included)");
            assertEquals(0, a.get(2), "resources");
            assertEquals(48000.0, a.get(6));
            assertEquals(64, a.get(7));
        }
    }

    @Test
    void syncAnswersAfterEverythingBeforeIt() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/sync", 7);
            h.block();
            // the /synced goes through RT a second time once the worker jobs are done
            long deadline = System.nanoTime() + 5_000_000_000L;
            List<OSCMessage> got = new ArrayList<>();
            while (got.stream().noneMatch(m -> m.getAddress().equals("/synced")) && System.nanoTime() < deadline) {
                h.block();
                got.addAll(h.client.drain(2));
            }
            OSCMessage synced = got.stream().filter(m -> m.getAddress().equals("/synced")).findFirst().orElseThrow();
            assertEquals(7, synced.getArguments().get(0));
        }
    }

    @Test
    void syncWaitsForWorkerJobsAndWhatTheyPostBack() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/notify", 1);
            h.defs.add(TestSynths.def("test:slowjob", o -> new Synth() {
                final Synth self = this;

                @Override
                public List<PortDescriptor> ports() {
                    return List.of();
                }

                @Override
                public void connect(int index, float[] data) {
                }

                @Override
                public void activate(World world) {
                    world.performCommand(host -> {
                        try {
                            Thread.sleep(150);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        host.performCommand(w -> w.synthDone(self));
                    });
                }

                @Override
                public void process(World world, int offset, int frames) {
                }
            }));
            h.synth("test:slowjob", 1, 0, 1);
            h.send("/synth/property/doneFlags/set", 1, la.methc.engine.internal.tree.Node.DONE_NOTIFY);
            h.send("/synth/activate", 1);
            h.send("/sync", 3);
            List<String> order = new ArrayList<>();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!order.contains("/synced") && System.nanoTime() < deadline) {
                h.block();
                h.client.drain(1).forEach(m -> order.add(m.getAddress()));
            }
            assertEquals(List.of("/done", "/node/done", "/synced"), order);
        }
    }

    @Test
    void versionAndNotify() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/version");
            assertEquals("Methcla/J", h.client.await("/version.reply").getArguments().get(0));
            h.send("/notify", 1);
            assertEquals("/notify", h.client.await("/done").getArguments().get(0));
            assertTrue(h.engine.clients().isRegistered(h.client));
        }
    }

    @Test
    void aThrowingSynthIsRemovedAndTheEngineGoesOn() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/notify", 1);
            h.dispatcher.onPacket(msg("/synth/new", TestSynths.THROW, 1, 0, 1, new ArrayList<>(),
                    new ArrayList<>(List.of(2))), h.client);
            h.synth(TestSynths.CONST, 2, 0, 1, 0.5f);
            h.send("/synth/map/output", 2, 0, 0, 1);
            h.send("/synth/activate", 1);
            h.send("/synth/activate", 2);
            h.blocks(3);
            List<Object> e = h.client.await("/error").getArguments();
            assertEquals("/synth/process", e.get(0));
            assertEquals(1, e.get(1));
            assertTrue(((String) e.get(2)).contains("boom"), e.get(2).toString());
            assertEquals(1, h.client.await("/node/ended").getArguments().get(0));
            assertNull(h.engine.tree().get(1));
            assertEquals(0.5f, h.block()[0][63]);
        }
    }

    @Test
    void retiringADefFreesItsSynthsAndRefusesQueuedOnes() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/notify", 1);
            h.synth(TestSynths.CONST, 1, 0, 1);
            h.synth(TestSynths.SINE, 2, 0, 1);
            h.block();
            SynthDefEntry entry = h.defs.remove(h.defs.get(TestSynths.CONST).def());
            // RT keeps computing blocks until the retirement is through, however late this thread gets to it
            java.util.concurrent.atomic.AtomicBoolean retired = new java.util.concurrent.atomic.AtomicBoolean();
            Thread rt = new Thread(() -> {
                while (!retired.get()) {
                    h.block();
                }
            });
            rt.start();
            assertTrue(h.engine.control().retire(entry, 5000, false));
            retired.set(true);
            rt.join();
            assertEquals(1, h.client.await("/node/ended").getArguments().get(0));
            assertNull(h.engine.tree().get(1));
            assertEquals(2, h.engine.tree().get(2).id());
            h.synth(TestSynths.CONST, 3, 0, 1);
            h.block();
            List<Object> e = h.client.await("/error").getArguments();
            assertTrue(((String) e.get(2)).contains("unknown SynthDef"), e.toString());
        }
    }

    @Test
    void hostCommandsRunOnAWorkerAndWorldCommandsComeBackToRt() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            java.util.concurrent.CompletableFuture<String> onWorker = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<Double> onRt = new java.util.concurrent.CompletableFuture<>();
            HostCommand job = host -> {
                onWorker.complete(Thread.currentThread().getName());
                host.performCommand(world -> onRt.complete(world.currentTime()));
            };
            h.defs.add(new SynthDef() {
                @Override
                public String uri() {
                    return "test:job";
                }

                @Override
                public Synth construct(Host host, OscArgs options) {
                    return new Synth() {
                        @Override
                        public List<PortDescriptor> ports() {
                            return List.of();
                        }

                        @Override
                        public void connect(int index, float[] data) {
                        }

                        @Override
                        public void activate(World world) {
                            world.performCommand(job);
                        }

                        @Override
                        public void process(World world, int offset, int frames) {
                        }
                    };
                }
            });
            h.synth("test:job", 1, 0, 1);
            h.send("/synth/activate", 1);
            h.block();
            assertTrue(onWorker.get(5, java.util.concurrent.TimeUnit.SECONDS).startsWith("methcla-worker-"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!onRt.isDone() && System.nanoTime() < deadline) {
                h.block();
            }
            assertTrue(onRt.get() > 0);
        }
    }
}
