package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static la.methc.engine.internal.EngineHarness.newSynth;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import la.methc.engine.internal.driver.RenderResult;
import la.methc.engine.internal.driver.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /output/record/start|stop}: the hardware outputs streamed to a WAV file in the sample root by a disk thread.
 * The files are checked byte by byte against the RIFF/WAVE layout (not with the engine's own reader), and their
 * samples against the outputs the engine computed.
 */
class OutputRecordingTest {

    private static final String START = "/output/record/start";
    private static final String STOP = "/output/record/stop";

    @TempDir
    Path root;

    private EngineHarness harness() {
        return new EngineHarness(Map.of("sampleRoot", root.toString()));
    }

    /** A block, after waiting (as the offline driver does) until the recording has a free block for it. */
    private static float[][] block(EngineHarness h) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!h.engine.settle()) {
            assertTrue(System.nanoTime() < deadline, "the engine did not settle");
            Thread.onSpinWait();
        }
        return h.block();
    }

    private static void sine(EngineHarness h, int id, int output, float freq) {
        h.synth(TestSynths.SINE, id, 0, 1, freq, 0.5f);
        h.send("/synth/map/output", id, 0, output, 1);
        h.send("/synth/activate", id);
    }

    @Test
    void recordsWhatTheEnginePlaysSampleForSample() throws Exception {
        try (EngineHarness h = harness()) {
            sine(h, 1, 0, 440f);
            sine(h, 2, 1, 660f);
            block(h);
            h.send(START, "takes/mix.wav");
            List<float[][]> played = new ArrayList<>();
            played.add(block(h)); // the start runs in this block, from its first frame
            assertEquals(List.of(START), h.client.await("/done").getArguments());
            for (int i = 0; i < 99; i++) {
                played.add(block(h));
            }
            h.send(STOP);
            block(h); // the stop's block is not recorded: it ends at the block's first frame
            OSCMessage done = untilDone(h, STOP);
            assertEquals(List.of(STOP, 100 * 64, 0), done.getArguments());

            Path file = root.resolve("takes/mix.wav");
            float[][] recorded = parseFloatWav(Files.readAllBytes(file), 2, 48000);
            assertEquals(100 * 64, recorded[0].length);
            for (int b = 0; b < played.size(); b++) {
                for (int c = 0; c < 2; c++) {
                    for (int f = 0; f < 64; f++) {
                        assertEquals(played.get(b)[c][f], recorded[c][b * 64 + f], "channel " + c + " frame " + (b * 64 + f));
                    }
                }
            }
            assertTrue(peak(recorded[0]) > 0.45f, "the sine is in the file");

            // the recorder is free again: a mono recording of output 0
            h.send(START, "mono.wav", 1);
            float[][] first = block(h);
            h.client.await("/done");
            h.send(STOP);
            block(h);
            assertEquals(List.of(STOP, 64, 0), untilDone(h, STOP).getArguments());
            float[][] mono = parseFloatWav(Files.readAllBytes(root.resolve("mono.wav")), 1, 48000);
            assertArrayEquals(first[0], mono[0]);
        }
    }

    /** Bundles start and stop a recording on their frames within a block. */
    @Test
    void startAndStopAreSampleAccurate() throws Exception {
        try (EngineHarness h = harness()) {
            h.synth(TestSynths.CONST, 1, 0, 1, 0.25f);
            h.send("/synth/map/output", 1, 0, 0, 1);
            h.send("/synth/activate", 1);
            // frames 100 and 300 of the engine's time: 36 frames into block 1, 44 into block 4
            h.sendAt(100 / 48000.0, msg(START, "exact.wav"));
            h.sendAt(300 / 48000.0, msg(STOP));
            for (int i = 0; i < 6; i++) {
                block(h);
            }
            assertEquals(List.of(STOP, 200, 0), untilDone(h, STOP).getArguments());
            float[][] r = parseFloatWav(Files.readAllBytes(root.resolve("exact.wav")), 2, 48000);
            assertEquals(200, r[0].length);
            for (int f = 0; f < 200; f++) {
                assertEquals(0.25f, r[0][f]);
                assertEquals(0f, r[1][f]);
            }
        }
    }

    @Test
    void mistakesAreAnswered() throws Exception {
        try (EngineHarness h = harness()) {
            Files.createDirectories(root.resolve("a-folder"));
            assertError(h, STOP, "not recording", STOP);
            assertError(h, START, "channels must be 1..2 (the hardware outputs): 0", START, "x.wav", 0);
            assertError(h, START, "channels must be 1..2 (the hardware outputs): 3", START, "x.wav", 3);
            assertError(h, START, "is outside the sample root", START, "../escape.wav");
            assertError(h, START, "cannot write " + root.toRealPath().resolve("a-folder"), START, "a-folder");
            assertError(h, START, "bad arguments ,i: expected ,s then optionally i", START, 7);
            assertFalse(Files.exists(root.resolve("x.wav")));
            assertFalse(Files.exists(root.getParent().resolve("escape.wav")));

            h.send(START, "one.wav");
            block(h);
            h.client.await("/done");
            assertError(h, START, "already recording to " + root.toRealPath().resolve("one.wav"), START, "two.wav");
            assertFalse(Files.exists(root.resolve("two.wav")));
            h.send(STOP);
            block(h);
            untilDone(h, STOP);
            assertError(h, STOP, "not recording", STOP);
        }
    }

    /** A /sync sent after the stop comes after its /done: the file is closed by then. */
    @Test
    void syncWaitsForTheFileToClose() throws Exception {
        try (EngineHarness h = harness()) {
            h.send(START, "synced.wav");
            block(h);
            block(h);
            h.send(STOP);
            List<OSCMessage> before = h.sync();
            List<String> addresses = before.stream().map(m -> m.getAddress() + " " + m.getArguments()).toList();
            assertEquals(List.of("/done [" + START + "]", "/done [" + STOP + ", 128, 0]"), addresses);
            parseFloatWav(Files.readAllBytes(root.resolve("synced.wav")), 2, 48000);
        }
    }

    /** The engine stops with a recording running: its file is a valid WAV of what was recorded. */
    @Test
    void shutdownClosesARunningRecording() throws Exception {
        EngineHarness h = harness();
        h.send(START, "cut.wav");
        for (int i = 0; i < 10; i++) {
            block(h);
        }
        h.close();
        assertNull(h.engine.context().recorder().current());
        float[][] r = parseFloatWav(Files.readAllBytes(root.resolve("cut.wav")), 2, 48000);
        assertEquals(640, r[0].length);
    }

    /** A start scheduled ahead and cleared never starts: no file, and the recorder is free. */
    @Test
    void aClearedStartLeavesNoFile() throws Exception {
        try (EngineHarness h = harness()) {
            h.sendAt(10.0, msg(START, "later.wav"));
            block(h);
            assertTrue(Files.exists(root.resolve("later.wav")), "opened at once, on the network thread");
            h.send("/scheduler/clear");
            block(h);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (h.engine.context().recorder().current() != null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertNull(h.engine.context().recorder().current());
            assertFalse(Files.exists(root.resolve("later.wav")));
        }
    }

    /** In a render the recording is the render's output, frame for frame, up to the stop. */
    @Test
    void aScoreRecordsWhatItRenders() throws Exception {
        RecordingClient client = new RecordingClient("score");
        RenderResult result = ScoreRender.render(root, "recorded", List.of(
                Score.bundle(0.0, List.of(msg(START, "in-score.wav"), newSynth(TestSynths.SINE, 1, 0, 1, 440f, 0.5f),
                        msg("/synth/map/output", 1, 0, 1, 1), msg("/synth/activate", 1))),
                Score.bundle(0.5, List.of(msg(STOP))),
                Score.bundle(0.6, List.of(msg("/node/free", 1)))),
                Map.of("sampleRoot", root.toString(), "maxNodes", "64", "internalBuses", "16"),
                new ResourceDefRegistry(), client, false, 60);
        List<OSCMessage> got = client.drain(100);
        assertTrue(got.stream().noneMatch(m -> m.getAddress().equals("/error")), RecordingClient.describe(got));
        float[][] rendered = parseFloatWav(Files.readAllBytes(result.output()), 2, 48000);
        float[][] recorded = parseFloatWav(Files.readAllBytes(root.resolve("in-score.wav")), 2, 48000);
        assertEquals(24000, recorded[0].length);
        for (int c = 0; c < 2; c++) {
            for (int f = 0; f < 24000; f++) {
                assertEquals(rendered[c][f], recorded[c][f], "channel " + c + " frame " + f);
            }
        }
        assertTrue(peak(recorded[1]) > 0.45f);
    }

    private static OSCMessage untilDone(EngineHarness h, String address) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (OSCMessage m : h.client.takeAll()) {
                if (m.getAddress().equals("/done") && m.getArguments().get(0).equals(address)) {
                    return m;
                }
                assertFalse(m.getAddress().equals("/error"), m.getArguments().toString());
            }
            h.block();
        }
        throw new AssertionError("no /done " + address);
    }

    private static void assertError(EngineHarness h, String address, String reason, Object... message) {
        h.send(message[0].toString(), java.util.Arrays.copyOfRange(message, 1, message.length));
        h.block();
        OSCMessage e = h.client.await("/error");
        assertEquals(address, e.getArguments().get(0));
        assertEquals(message.length > 1 && message[1] instanceof Integer n ? n : -1, e.getArguments().get(1));
        assertTrue(e.getArguments().get(2).toString().contains(reason), e.getArguments().get(2) + " has " + reason);
    }

    /**
     * The samples of a 32-bit float WAV as the engine writes it, every header field checked by hand against the
     * RIFF/WAVE layout: RIFF size, WAVE, an 18-byte fmt chunk (format 3, channels, rate, byte rate, block align, 32
     * bits, cbSize 0), fact (frames), data (size).
     */
    static float[][] parseFloatWav(byte[] bytes, int channels, int rate) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int data = bytes.length - 58;
        int frames = data / (4 * channels);
        assertEquals("RIFF", ascii(bytes, 0));
        assertEquals(bytes.length - 8, b.getInt(4));
        assertEquals("WAVE", ascii(bytes, 8));
        assertEquals("fmt ", ascii(bytes, 12));
        assertEquals(18, b.getInt(16));
        assertEquals(3, b.getShort(20));
        assertEquals(channels, b.getShort(22));
        assertEquals(rate, b.getInt(24));
        assertEquals(rate * channels * 4, b.getInt(28));
        assertEquals(channels * 4, b.getShort(32));
        assertEquals(32, b.getShort(34));
        assertEquals(0, b.getShort(36));
        assertEquals("fact", ascii(bytes, 38));
        assertEquals(4, b.getInt(42));
        assertEquals(frames, b.getInt(46));
        assertEquals("data", ascii(bytes, 50));
        assertEquals(data, b.getInt(54));
        assertEquals(0, data % (4 * channels));
        float[][] out = new float[channels][frames];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                out[c][f] = Float.intBitsToFloat(b.getInt(58 + (f * channels + c) * 4));
            }
        }
        return out;
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }

    private static float peak(float[] samples) {
        float p = 0;
        for (float x : samples) {
            p = Math.max(p, Math.abs(x));
        }
        return p;
    }
}
