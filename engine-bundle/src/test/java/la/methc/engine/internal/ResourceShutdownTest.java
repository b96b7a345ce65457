package la.methc.engine.internal;

import la.methc.engine.internal.command.RtContext;
import static la.methc.engine.internal.EngineHarness.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import la.methc.api.Mutability;
import org.junit.jupiter.api.Test;

/**
 * {@link EngineRuntime#close()} with Resources in every state, on the dummy driver (a real RT thread): every
 * body is destroyed exactly once, the constructing ones as soon as their construct returns.
 */
class ResourceShutdownTest {

    @Test
    void shutdownDestroysLiveHeldAndConstructingResourcesExactlyOnce() throws Exception {
        EngineOptions options = EngineOptions.from(Map.of("driver", "dummy", "port", "0", "maxNodes", "64",
                "maxResources", "16")::get);
        SynthDefRegistry defs = TestSynths.registry();
        ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
        TestResources res = new TestResources(TestResources.URI, Mutability.MUTABLE);
        resourceDefs.add(res);
        EngineRuntime runtime = new EngineRuntime(options, defs, resourceDefs, () -> { });
        RecordingClient client = new RecordingClient("test");
        runtime.start(() -> { });
        try {
            OscDispatcher d = runtime.dispatcher();
            for (int id = 1; id <= 4; id++) {
                d.onPacket(msg("/resource/new", TestResources.URI, id, (float) id), client);
                client.await("/resource/ready");
            }
            // 1 held by two synths, 2 free pending (held), 3 in a perform, 4 idle, 5 constructing
            d.onPacket(msg("/synth/new", TestSynths.HOLDER, 10, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(1))),
                    client);
            d.onPacket(msg("/synth/new", TestSynths.HOLDER, 11, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(1))),
                    client);
            d.onPacket(msg("/synth/new", TestSynths.HOLDER, 12, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(2))),
                    client);
            d.onPacket(msg("/resource/free", 2), client);
            CountDownLatch performGate = new CountDownLatch(1);
            runtime.engine().control().runAndWait(new la.methc.engine.internal.command.Command("/test", null) {
                @Override
                public void perform(RtContext rt, int offset) {
                    rt.world().performWithResources(new int[] {3}, null, false, (host, b) -> {
                        try {
                            performGate.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }, 5000);
            res.gate = new CountDownLatch(1);
            d.onPacket(msg("/resource/new", TestResources.URI, 5, "block"), client);
            assertTrue(res.blocked.await(5, TimeUnit.SECONDS));
            // not /sync: it would wait for the blocked construct; /status is answered in order on RT
            d.onPacket(msg("/status"), client);
            assertEquals(3, client.await("/status.reply").getArguments().get(0));
            List<OSCMessage> early = client.takeAll();
            assertTrue(early.stream().noneMatch(m -> m.getAddress().equals("/error")), RecordingClient.describe(early));
            assertEquals(4, res.bodies.size());
            assertEquals(0, res.destroyed());

            Thread opener = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    performGate.countDown();
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                res.gate.countDown();
            });
            opener.start();
            long t0 = System.nanoTime();
            runtime.close();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            opener.join();
            assertTrue(ms >= 190, "close waited for the perform and the construct: " + ms + " ms");
            assertEquals(5, res.bodies.size());
            assertTrue(res.allDestroyedOnce(), res.bodies.toString());
            assertEquals(5, res.destroyed());
        } finally {
            runtime.close();
        }
    }
}
