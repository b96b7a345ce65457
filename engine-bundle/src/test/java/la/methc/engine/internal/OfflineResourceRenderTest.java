package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import la.methc.api.Mutability;
import la.methc.engine.internal.driver.RenderResult;
import la.methc.engine.internal.driver.Score;
import la.methc.engine.internal.driver.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline renders of scores that create and free Resources: the driver waits before each block until the
 * engine's asynchronous work (constructs and destroys on workers, their replies to RT) is done, so a Resource
 * made in one block is live in the next, however slow its construct, and a render is the same file every time.
 */
class OfflineResourceRenderTest {

    private static final int SR = 48000;
    private static final int BLOCK = 64;

    @TempDir
    Path dir;

    private record Render(WavFile.Audio audio, RenderResult result, List<OSCMessage> replies,
            TestResources res) {

        List<OSCMessage> errors() {
            return replies.stream().filter(m -> m.getAddress().equals("/error")).toList();
        }

        List<OSCMessage> replies(String address) {
            return replies.stream().filter(m -> m.getAddress().equals(address)).toList();
        }
    }

    /** Renders {@code bundles} with the real engine and dispatcher, a TestResources def and the test synths. */
    private Render render(String name, List<OSCBundle> bundles) throws Exception {
        ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
        TestResources res = new TestResources(TestResources.URI, Mutability.MUTABLE);
        resourceDefs.add(res);
        RecordingClient client = new RecordingClient("score");
        RenderResult result = ScoreRender.render(dir, name, bundles, Map.of("maxNodes", "64", "internalBuses", "16",
                "maxResources", "16", "workerThreads", "2"), resourceDefs, client, true, 30);
        return new Render(WavFile.read(result.output()), result, client.drain(50), res);
    }

    private static OSCBundle atFrame(long frame, OSCPacket... packets) {
        return Score.bundle(frame / (double) SR, List.of(packets));
    }

    /** A holder synth (out = body value × gain 1) bound to Resource {@code resource}, to hardware out 0, started. */
    private static OSCPacket[] holder(int id, int resource) {
        return new OSCPacket[] {
            msg("/synth/new", TestSynths.HOLDER, id, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(resource))),
            msg("/synth/map/output", id, 0, 0, 1),
            msg("/synth/activate", id)};
    }

    private static OSCPacket[] concat(OSCPacket[] a, OSCPacket... b) {
        OSCPacket[] all = new OSCPacket[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * Frame 0 creates Resource 1 (construct takes 30 ms); the next block starts a synth bound to it; at frame
     * 4800 both are freed, the block after re-creates id 1 (with another value) and the block after that binds
     * a second synth to it.
     */
    private static List<OSCBundle> slowResources() {
        return List.of(
                atFrame(0, msg("/resource/new", TestResources.URI, 1, 0.75f, "slow")),
                atFrame(BLOCK, holder(10, 1)),
                atFrame(4800, msg("/node/free", 10), msg("/resource/free", 1)),
                atFrame(4800 + BLOCK, msg("/resource/new", TestResources.URI, 1, 0.25f, "slow")),
                atFrame(4800 + 2 * BLOCK, holder(11, 1)),
                atFrame(9600, msg("/node/free", 11), msg("/resource/free", 1)));
    }

    @Test
    void aResourceCreatedInOneBlockIsLiveInTheNextAndTheRenderIsTheSameEveryTime() throws Exception {
        Render first = render("first", slowResources());
        assertEquals(List.of(), first.errors().stream().map(OSCMessage::getArguments).toList(),
                "no /error: both synths were bound");
        float[] out = first.audio().channels()[0];
        // the block of the last bundle (frame 9600) is the last one
        assertEquals(9600 + BLOCK, out.length);
        for (int f = 0; f < out.length; f++) {
            float expected = f >= BLOCK && f < 4800 ? 0.75f : f >= 4800 + 2 * BLOCK && f < 9600 ? 0.25f : 0f;
            assertEquals(expected, out[f], "frame " + f);
        }
        // each construct and destroy took 30 ms and finished before the next block: /resource/ready and
        // /resource/destroyed twice each, in order, and every body destroyed once
        List<String> lifecycle = first.replies().stream().map(OSCMessage::getAddress)
                .filter(a -> a.startsWith("/resource/")).toList();
        assertEquals(List.of("/resource/ready", "/resource/destroyed", "/resource/ready", "/resource/destroyed"),
                lifecycle);
        assertEquals(2, first.res().bodies.size());
        assertTrue(first.res().allDestroyedOnce(), first.res().bodies.toString());
        // a render slower than the 151 blocks themselves: it waited 4 × 30 ms for the workers
        assertTrue(first.result().wallNanos() >= TimeUnit.MILLISECONDS.toNanos(4 * TestResources.SLOW_MS),
                "render took " + first.result().wallNanos() / 1e6 + " ms");

        Render second = render("second", slowResources());
        Render third = render("third", slowResources());
        assertEquals(-1, Files.mismatch(first.result().output(), second.result().output()));
        assertEquals(-1, Files.mismatch(first.result().output(), third.result().output()));
    }

    @Test
    void aSynthInTheSameBundleAsItsResourceIsRefusedEveryTime() throws Exception {
        // /resource/new and /synth/new run in the same block: the construct has not run yet, whatever the
        // driver waits for, so the synth's attach fails; the next block's synth binds
        List<OSCBundle> score = List.of(
                atFrame(0, concat(new OSCPacket[] {msg("/resource/new", TestResources.URI, 1, 0.5f, "slow")},
                        holder(10, 1))),
                atFrame(BLOCK, holder(11, 1)),
                atFrame(10 * BLOCK, msg("/node/free", 11), msg("/resource/free", 1)));
        for (String name : List.of("same-a", "same-b")) {
            Render r = render(name, score);
            List<List<Object>> errors = r.errors().stream().map(OSCMessage::getArguments).toList();
            assertEquals(3, errors.size(), errors.toString());
            assertEquals(List.of("/synth/new", 10, "resource 1: resource is not live"), errors.get(0));
            // the rest of that bundle addresses a synth that never was
            assertEquals(List.of("/synth/map/output", 10), errors.get(1).subList(0, 2));
            assertEquals(List.of("/synth/activate", 10), errors.get(2).subList(0, 2));
            float[] out = r.audio().channels()[0];
            for (int f = 0; f < out.length; f++) {
                assertEquals(f >= BLOCK && f < 10 * BLOCK ? 0.5f : 0f, out[f], name + " frame " + f);
            }
        }
    }

    @Test
    void aRenderThatLeavesResourcesLiveShutsDownAndDestroysThem() throws Exception {
        // two Resources never freed: 1 still held by a running synth at the end, 2 idle
        Path score = dir.resolve("unfreed.osc");
        Path out = dir.resolve("unfreed.wav");
        Score.write(score, List.of(
                atFrame(0, msg("/resource/new", TestResources.URI, 1, 0.5f, "slow"),
                        msg("/resource/new", TestResources.URI, 2, 0.25f, "slow")),
                atFrame(BLOCK, holder(10, 1)),
                atFrame(20 * BLOCK, msg("/status"))));
        Map<String, String> o = new HashMap<>(Map.of("driver", "offline", "render.score", score.toString(),
                "render.out", out.toString(), "maxNodes", "64", "internalBuses", "16", "maxResources", "16",
                "workerThreads", "2"));
        EngineOptions options = EngineOptions.from(o::get);
        ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
        TestResources res = new TestResources(TestResources.URI, Mutability.MUTABLE);
        resourceDefs.add(res);
        EngineRuntime runtime = new EngineRuntime(options, TestSynths.registry(), resourceDefs, () -> { });
        runtime.start(() -> { });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(out)) {
            assertTrue(System.nanoTime() < deadline, "no render at " + out);
            Thread.sleep(10);
        }
        long t0 = System.nanoTime();
        runtime.close();
        long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        float[] left = WavFile.read(out).channels()[0];
        assertEquals(0f, left[BLOCK - 1]);
        assertEquals(0.5f, left[BLOCK], "the synth was bound to Resource 1");
        assertEquals(0.5f, left[left.length - 1]);
        // shutdown freed the synth (it released 1) and destroyed both bodies, once each, with nothing left over
        assertEquals(2, res.bodies.size());
        assertTrue(res.allDestroyedOnce(), res.bodies.toString());
        assertEquals(2, runtime.engine().resources().destroyedBodies());
        assertTrue(closeMs < 5000, "close took " + closeMs + " ms");
    }
}
