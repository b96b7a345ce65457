package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static la.methc.engine.internal.EngineHarness.newSynth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import la.methc.engine.internal.driver.RenderResult;
import la.methc.engine.internal.driver.Score;
import la.methc.engine.internal.driver.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores rendered by the real engine and dispatcher through the offline driver, checked on the WAV file. */
class OfflineRenderTest {

    @TempDir
    Path dir;

    private record Render(WavFile.Audio audio, RenderResult result, List<OSCMessage> errors) {
    }

    private Render render(String name, List<OSCBundle> bundles) throws Exception {
        RecordingClient client = new RecordingClient("score");
        RenderResult result = ScoreRender.render(dir, name, bundles, Map.of("maxNodes", "64", "internalBuses", "16"),
                new ResourceDefRegistry(), client, false, 60);
        List<OSCMessage> errors = client.drain(50).stream().filter(m -> m.getAddress().equals("/error")).toList();
        return new Render(WavFile.read(result.output()), result, errors);
    }

    private static OSCBundle at(double seconds, OSCPacket... packets) {
        return Score.bundle(seconds, List.of(packets));
    }

    private static List<OSCBundle> sineAndConst() {
        return List.of(
                at(0.0, newSynth(TestSynths.SINE, 1, 0, 1, 440f, 0.5f), msg("/synth/map/output", 1, 0, 0, 1),
                        msg("/synth/activate", 1)),
                at(0.5, newSynth(TestSynths.CONST, 2, 0, 1, 0.25f), msg("/synth/map/output", 2, 0, 1, 1),
                        msg("/synth/activate", 2)),
                at(1.0, msg("/node/free", 1), msg("/node/free", 2)));
    }

    @Test
    void rendersASineAndStartsASynthOnItsExactFrame() throws Exception {
        Render r = render("sine", sineAndConst());
        assertEquals(List.of(), r.errors().stream().map(m -> m.getArguments().toString()).toList());
        WavFile.Audio a = r.audio();
        assertEquals(48000, a.sampleRate());
        assertEquals(2, a.numChannels());
        // up to the block that contains the last bundle's time (frame 48000): 751 blocks of 64
        assertEquals(48064, a.frames());
        assertEquals(a.frames(), r.result().frames());

        float[] sine = a.channels()[0];
        int crossings = 0;
        float peak = 0;
        for (int f = 0; f < 48000; f++) {
            peak = Math.max(peak, Math.abs(sine[f]));
            if (f > 0 && (sine[f - 1] < 0) != (sine[f] < 0)) {
                crossings++;
            }
        }
        assertEquals(440.0, crossings / 2.0, 1.0, "frequency from " + crossings + " zero crossings in 1 s");
        assertEquals(0.5, peak, 1e-3);
        assertEquals(0f, sine[0]);

        float[] constant = a.channels()[1];
        for (int f = 0; f < 24000; f++) {
            assertEquals(0f, constant[f], "frame " + f + " before the second synth's start");
        }
        for (int f = 24000; f < 48000; f++) {
            assertEquals(0.25f, constant[f], "frame " + f + " after the second synth's start");
        }
        for (int f = 48000; f < a.frames(); f++) {
            assertEquals(0f, sine[f], "frame " + f + " after /node/free");
            assertEquals(0f, constant[f], "frame " + f + " after /node/free");
        }
        assertTrue(r.result().realTimeFactor() > 1, "real-time factor " + r.result().realTimeFactor());
        System.out.printf("offline render: %d frames in %.1f ms, %.0f× real time%n", r.result().frames(),
                r.result().wallNanos() / 1e6, r.result().realTimeFactor());
    }

    @Test
    void theSameScoreRendersTheSameBytes() throws Exception {
        Render first = render("one", sineAndConst());
        Render second = render("two", sineAndConst());
        assertEquals(-1, Files.mismatch(first.result().output(), second.result().output()));
    }
}
