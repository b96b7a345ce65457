package la.methc.engine.internal;

import la.methc.plugins.testkit.JitQuiet;
import static la.methc.engine.internal.EngineHarness.msg;
import static la.methc.engine.internal.EngineHarness.newSynth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import la.methc.engine.internal.driver.RenderResult;
import la.methc.engine.internal.driver.Score;
import la.methc.engine.internal.driver.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline renders spread isolated synths over render threads (ADR 0006): the file and the replies must be the
 * same as with one thread, whatever the synths do (start mid-block, end, throw, break the isolated contract), and
 * no render thread may outlive the engine.
 */
class ParallelRenderTest {

    @TempDir
    Path dir;

    private record Render(Path wav, List<String> replies) {
    }

    /** Runs from 8 synths on are spread, so that this score's runs are. */
    private Render render(String name, int threads, List<OSCBundle> bundles) throws Exception {
        return render(name, threads, 8, bundles);
    }

    private Render render(String name, int threads, int minRun, List<OSCBundle> bundles) throws Exception {
        return render(name, threads, minRun, 512, bundles);
    }

    private Render render(String name, int threads, int minRun, int maxNodes, List<OSCBundle> bundles)
            throws Exception {
        RecordingClient client = new RecordingClient("score");
        RenderResult result = ScoreRender.render(dir, name, bundles, Map.of("maxNodes", Integer.toString(maxNodes),
                "internalBuses", "16",
                "render.threads", Integer.toString(threads), "render.minRun", Integer.toString(minRun)),
                new ResourceDefRegistry(), client, true, 60);
        assertEquals(List.of(), renderThreads(), "render threads left after close");
        List<String> replies = client.drain(50).stream().map(m -> m.getAddress() + " " + m.getArguments()).toList();
        return new Render(result.output(), replies);
    }

    private static List<String> renderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("methcla-render-")).toList();
    }

    private static OSCBundle at(double seconds, List<OSCPacket> packets) {
        return Score.bundle(seconds, packets);
    }

    /** An isolated sine on hardware output {@code channel}, started at once. */
    private static List<OSCPacket> sine(int id, float freq, int channel) {
        return List.of(newSynth(TestSynths.ISOLATED_SINE, id, 0, 1, freq, 0.02f),
                msg("/synth/map/output", id, 0, channel, 1), msg("/synth/activate", id));
    }

    /** {@code /synth/new} at the head of the root group with no controls and one option. */
    private static OSCMessage withOptions(String uri, int id, int option) {
        return msg("/synth/new", uri, id, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(option)));
    }

    /**
     * 40 sines from the start, with a plain (not isolated) synth in the middle that splits their run; 20 more
     * starting mid-block; isolated synths that end themselves and throw (and one that calls acquire, when
     * {@code breaker}); half the sines freed.
     */
    private static List<OSCBundle> score(boolean breaker) {
        List<OSCBundle> bundles = new ArrayList<>();
        List<OSCPacket> start = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            start.addAll(sine(100 + i, 110f + 37 * i, i % 2));
            if (i == 20) {
                start.add(newSynth(TestSynths.CONST, 99, 0, 1, 0.01f));
                start.add(msg("/synth/map/output", 99, 0, 0, 1));
                start.add(msg("/synth/activate", 99));
            }
        }
        for (int i = 0; i < 20; i++) {
            start.add(newSynth(TestSynths.ISOLATED_SPY, 300 + i, 0, 1));
            start.add(msg("/synth/activate", 300 + i));
        }
        start.add(withOptions(TestSynths.ISOLATED_DONE, 98, 100));
        start.add(msg("/synth/property/doneFlags/set", 98, 0x21));
        start.add(msg("/synth/activate", 98));
        bundles.add(at(0.0, start));
        List<OSCPacket> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            later.addAll(sine(200 + i, 333f + 11 * i, i % 2));
        }
        bundles.add(at(0.2013, later));
        bundles.add(at(0.3, List.of(withOptions(TestSynths.ISOLATED_THROW, 97, 10), msg("/synth/activate", 97))));
        if (breaker) {
            bundles.add(at(0.4, List.of(newSynth(TestSynths.ISOLATED_ACQUIRE, 96, 0, 1),
                    msg("/synth/activate", 96))));
        }
        List<OSCPacket> frees = new ArrayList<>();
        for (int i = 0; i < 40; i += 2) {
            frees.add(msg("/node/free", 100 + i));
        }
        bundles.add(at(0.5, frees));
        bundles.add(at(1.0, List.of(msg("/group/freeAll", 0))));
        return bundles;
    }

    private static float peak(WavFile.Audio audio, int fromFrame) {
        float peak = 0;
        for (float[] channel : audio.channels()) {
            for (int f = fromFrame; f < channel.length; f++) {
                peak = Math.max(peak, Math.abs(channel[f]));
            }
        }
        return peak;
    }

    @Test
    void renderThreadsChangeNeitherTheAudioNorTheReplies() throws Exception {
        Render one = render("one", 1, score(false));
        TestSynths.PROCESS_THREADS.clear();
        Render two = render("two", 2, score(false));
        assertTrue(TestSynths.PROCESS_THREADS.contains("methcla-render-1"), "isolated synths ran on a helper: "
                + TestSynths.PROCESS_THREADS + two.replies());
        Render four = render("four", 4, score(false));

        assertTrue(peak(WavFile.read(one.wav()), 0) > 0.1f, "the sines are heard");
        assertEquals(-1, Files.mismatch(one.wav(), two.wav()), "2 render threads, byte for byte");
        assertEquals(-1, Files.mismatch(one.wav(), four.wav()), "4 render threads, byte for byte");
        assertEquals(one.replies(), two.replies());
        assertEquals(one.replies(), four.replies());

        TestSynths.PROCESS_THREADS.clear();
        Render shortRuns = render("short-runs", 2, 512, score(false));
        assertTrue(!TestSynths.PROCESS_THREADS.contains("methcla-render-1"), "runs shorter than render.minRun stay "
                + "on the render thread: " + TestSynths.PROCESS_THREADS);
        assertEquals(-1, Files.mismatch(one.wav(), shortRuns.wav()), "runs below render.minRun, byte for byte");

        List<String> replies = two.replies();
        assertTrue(replies.contains("/node/done [98]"), replies.toString());
        assertTrue(replies.contains("/node/ended [98]"), replies.toString());
        assertTrue(replies.stream().anyMatch(r -> r.startsWith("/error") && r.contains("97") && r.contains("boom")),
                replies.toString());
        assertTrue(replies.contains("/node/ended [97]"), replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.startsWith("/error")).count(), replies.toString());
    }

    /**
     * A run of many stripes (1,100 sines: 138 chunks, 4 or more stripes of 32), where each thread waits at a stripe's
     * end for the frontier to reach its chunks (FrontierMixing.afterChunk, ADR 0019); half of them freed mid-render.
     */
    @Test
    void aRunOfManyStripesSoundsTheSameOnEveryThreadCount() throws Exception {
        List<OSCPacket> start = new ArrayList<>();
        List<OSCPacket> frees = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            start.addAll(sine(1000 + i, 100f + 3 * i, i % 2));
            if (i % 2 == 1) {
                frees.add(msg("/node/free", 1000 + i));
            }
        }
        List<OSCBundle> score = List.of(at(0.0, start), at(0.1, frees), at(0.2, List.of(msg("/group/freeAll", 0))));
        Render one = render("many-one", 1, 8, 1200, score);
        Render two = render("many-two", 2, 8, 1200, score);
        Render four = render("many-four", 4, 8, 1200, score);
        assertTrue(peak(WavFile.read(one.wav()), 0) > 0.1f, "the sines are heard");
        assertEquals(-1, Files.mismatch(one.wav(), two.wav()), "2 render threads, byte for byte");
        assertEquals(-1, Files.mismatch(one.wav(), four.wav()), "4 render threads, byte for byte");
        assertEquals(one.replies(), two.replies());
        assertEquals(one.replies(), four.replies());
    }

    @Test
    void anIsolatedSynthThatCallsAcquireIsFreedAndTheRenderGoesOn() throws Exception {
        Render r = render("breaker", 2, score(true));

        List<String> replies = r.replies();
        assertTrue(replies.stream().anyMatch(m -> m.startsWith("/error") && m.contains("96")
                && m.contains("may not call World.acquire")), replies.toString());
        assertTrue(replies.contains("/node/ended [96]"), replies.toString());
        // the sines still sound after 0.4 s
        assertTrue(peak(WavFile.read(r.wav()), 24000) > 0.1f);
    }

    @Test
    void renderThreadsAllocateNothingInSteadyState() throws Exception {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        try (EngineHarness h = new EngineHarness(Map.of("maxNodes", "512", "render.threads", "2",
                "render.minRun", "8"))) {
            for (int i = 0; i < 200; i++) {
                int id = 10 + i;
                h.synth(TestSynths.ISOLATED_SINE, id, 0, 1, 200f + i, 0.002f);
                h.send("/synth/map/output", id, 0, i % 2, 1);
                h.send("/synth/activate", id);
                if (i == 100) {
                    h.synth(TestSynths.CONST, 5, 0, 1, 0.01f); // splits the run in two
                    h.send("/synth/activate", 5);
                }
            }
            for (int b = 0; b < 30_000; b++) {
                h.engine.process(h.in, h.out);
            }
            JitQuiet.settle(() -> h.engine.process(h.in, h.out));
            Thread helper = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("methcla-render-1")).findFirst().orElseThrow();
            long rt = Thread.currentThread().getId();
            long rtBefore = mx.getThreadAllocatedBytes(rt);
            long helperBefore = mx.getThreadAllocatedBytes(helper.getId());
            for (int b = 0; b < 10_000; b++) {
                h.engine.process(h.in, h.out); // not h.block(): it copies the outputs for the test
            }
            long rtBytes = mx.getThreadAllocatedBytes(rt) - rtBefore;
            long helperBytes = mx.getThreadAllocatedBytes(helper.getId()) - helperBefore;
            System.out.printf("parallel render, 201 synths, 10,000 blocks: RT thread %d bytes, helper %d bytes%n",
                    rtBytes, helperBytes);
            assertEquals(0, helperBytes, "bytes allocated by the render helper");
            assertEquals(0, rtBytes, "bytes allocated by the block thread");
        }
    }
}
