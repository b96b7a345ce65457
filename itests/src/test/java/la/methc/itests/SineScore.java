package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.driver.Score;

/**
 * The score both render tests use (driver side only: it uses the engine's score writer): a 440 Hz sine
 * at 0.25 on output 0 from 0 s, a 1 kHz sine at 0.25 on output 1 from 0.5 s, both freed at 1 s.
 */
final class SineScore {

    static final int SR = 48000;
    static final int SECOND_START = 24000;

    private SineScore() {
    }

    static void write(Path file) throws IOException {
        List<OSCBundle> bundles = List.of(
                at(0.0, newSine(1, 440f), msg("/synth/map/output", 1, 0, 0, 1), msg("/synth/activate", 1)),
                at(0.5, newSine(2, 1000f), msg("/synth/map/output", 2, 0, 1, 1), msg("/synth/activate", 2)),
                at(1.0, msg("/node/free", 1), msg("/node/free", 2)));
        Score.write(file, bundles);
    }

    /**
     * The same score, which also records both outputs into {@code take} (in the sample root) from 0.5 s, frame
     * {@value #SECOND_START}, and never stops the recording: the render's shutdown closes it.
     */
    static void writeRecording(Path file, String take) throws IOException {
        List<OSCBundle> bundles = List.of(
                at(0.0, newSine(1, 440f), msg("/synth/map/output", 1, 0, 0, 1), msg("/synth/activate", 1)),
                at(0.5, newSine(2, 1000f), msg("/synth/map/output", 2, 0, 1, 1), msg("/synth/activate", 2),
                        msg("/output/record/start", take)),
                at(1.0, msg("/node/free", 1), msg("/node/free", 2)));
        Score.write(file, bundles);
    }

    /** The same score, with a synth of {@code uri} (id 3) at 0.25 s too, which plays nothing. */
    static void writeWith(Path file, String uri) throws IOException {
        List<OSCBundle> bundles = List.of(
                at(0.0, newSine(1, 440f), msg("/synth/map/output", 1, 0, 0, 1), msg("/synth/activate", 1)),
                at(0.25, msg("/synth/new", uri, 3, 0, 1, new ArrayList<>(), new ArrayList<>())),
                at(0.5, newSine(2, 1000f), msg("/synth/map/output", 2, 0, 1, 1), msg("/synth/activate", 2)),
                at(1.0, msg("/node/free", 1), msg("/node/free", 2)));
        Score.write(file, bundles);
    }

    private static OSCPacket newSine(int id, float freq) {
        return msg("/synth/new", "http://methc.la/plugins/sine", id, 0, 1, new ArrayList<>(List.of(freq, 0.25f)),
                new ArrayList<>());
    }

    /** A bundle at {@code seconds} from the start of the score. */
    private static OSCBundle at(double seconds, OSCPacket... packets) {
        long whole = (long) Math.floor(seconds);
        long fraction = Math.round((seconds - whole) * 4294967296.0);
        return new OSCBundle(List.of(packets), OSCTimeTag64.valueOf((whole << 32) | fraction));
    }

    /** Checks a render of this score, sample by sample where the values are known. */
    static void check(float[][] out) {
        if (out.length != 2) {
            throw new AssertionError("channels: " + out.length);
        }
        float[] left = out[0];
        float[] right = out[1];
        if (left.length < SR || left.length > SR + 64) {
            throw new AssertionError("frames: " + left.length);
        }
        near("440 Hz frequency", 440.0, Signals.frequency(left, 0, SR, SR), 0.2);
        near("440 Hz peak", 0.25, Signals.peak(left, 0, SR), 1e-3);
        near("first sample", 0.0, left[0], 0.0);
        near("second sample", 0.25 * Math.sin(2 * Math.PI * 440 / SR), left[1], 1e-6);
        near("silence before 0.5 s", 0.0, Signals.peak(right, 0, SECOND_START), 0.0);
        near("1 kHz starts at frame 24000", 0.25 * Math.sin(2 * Math.PI * 1000 / SR), right[SECOND_START + 1], 1e-6);
        near("1 kHz frequency", 1000.0, Signals.frequency(right, SECOND_START, SR, SR), 0.5);
        near("1 kHz peak", 0.25, Signals.peak(right, SECOND_START, SR), 1e-3);
    }

    private static void near(String what, double expected, double actual, double tolerance) {
        if (Math.abs(expected - actual) > tolerance) {
            throw new AssertionError(what + ": expected " + expected + " ± " + tolerance + ", got " + actual);
        }
    }
}
