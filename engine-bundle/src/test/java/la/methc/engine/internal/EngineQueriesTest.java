package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The shell's view of the engine: asked through the dispatcher as an in-process client, while blocks run. */
class EngineQueriesTest {

    @Test
    void statusTreeDefsAndResourcesAsAClientSeesThem() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", 1000, 0, 1);
            h.synth(TestSynths.SINE, 70000, 1000, 1);
            h.newResource(TestResources.URI, 3, 1f);
            h.block();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread rt = new Thread(() -> {
                while (running.get()) {
                    h.engine.process(h.in, h.out);
                    Thread.onSpinWait();
                }
            }, "test-rt");
            rt.start();
            try {
                EngineQueries q = new EngineQueries(h.dispatcher, 16);
                List<Object> status = q.status();
                assertEquals(List.of(1, 2, 1), status.subList(0, 3));
                assertEquals(List.of(0, 1, 1000, 1, "", 70000, -1, TestSynths.SINE), q.tree());
                Map<String, List<Object>> defs = q.defs();
                assertEquals(TestSynths.registry().all().size(), defs.size());
                assertEquals(List.of(TestSynths.SINE, "freq", "control", "input", 440f, "amp", "control", "input", 1f,
                        "out", "audio", "output", 0f), defs.get(TestSynths.SINE));
                assertEquals("/synthdef/info", defs.get(TestSynths.DONE).get(0), "a def that needs options");
                assertEquals(List.of(List.of(3, TestResources.URI, "live", 0)), q.resources());
            } finally {
                running.set(false);
                rt.join();
            }
            assertTrue(h.client.drain(50).stream().noneMatch(m -> m.getAddress().equals("/error")),
                    "the test's own client heard nothing of the shell's requests");
        }
    }

    @Test
    void resourcesAreAskedInBundlesSmallEnoughForOneRequest() throws Exception {
        try (EngineHarness h = new EngineHarness(Map.of("maxResources", "9000"))) {
            h.newResource(TestResources.URI, 8999, 1f);
            h.newResource(TestResources.URI, 4096, 1f);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread rt = new Thread(() -> {
                while (running.get()) {
                    h.engine.process(h.in, h.out);
                    Thread.onSpinWait();
                }
            }, "test-rt");
            rt.start();
            try {
                List<List<Object>> live = new EngineQueries(h.dispatcher, 9000).resources();
                assertEquals(List.of(4096, 8999), live.stream().map(a -> a.get(0)).toList());
            } finally {
                running.set(false);
                rt.join();
            }
        }
    }
}
