package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.driver.Score;

/**
 * The score of {@link SamplerRenderIT} (writing it is driver side only: it uses the engine's score writer). An
 * AudioBuffer of {@value #RECORDED} frames is allocated at 0; at frame {@value #SINE_START} a 440 Hz sine at 0.5
 * starts on internal bus 0, a patch cable copies it to hardware out 0, and a one-shot record synth after the sine
 * records it (and frees itself when the buffer is full); at frame {@value #PLAY_START} a one-shot play synth
 * plays the buffer at half speed (linear) into hardware out 1 (and frees itself at the end); at frame
 * {@value #END} the sine, the cable and the buffer are freed. Both starts fall inside a block (sample-accurate).
 */
final class SamplerScore {

    static final int SR = 48000;
    static final int BLOCK = 64;
    static final int RECORDED = 24000;
    static final int SINE_START = 100;
    static final int PLAY_START = 24200;
    /** Half speed: every recorded frame is played for two output frames. */
    static final int PLAY_END = PLAY_START + 2 * RECORDED;
    static final int END = 76800;
    /** Through the block that contains the last bundle's time. */
    static final int FRAMES = (END / BLOCK + 1) * BLOCK;

    private static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";
    private static final String PLUGINS = "http://methc.la/plugins/";

    private SamplerScore() {
    }

    static void write(Path file) throws IOException {
        Score.write(file, List.of(
                at(0, msg("/resource/new", AUDIO_BUFFER, 1, 1, RECORDED)),
                at(SINE_START,
                        synth("sine", 10, List.of(440f, 0.5f), List.of()),
                        synth("patch-cable", 11, List.of(), List.of()),
                        synth("record", 12, List.of(), List.of(1)),
                        msg("/synth/map/output", 10, 0, 0, 0),
                        msg("/synth/map/input", 11, 0, 0, 0),
                        msg("/synth/map/output", 11, 0, 0, 1),
                        msg("/synth/map/input", 12, 0, 0, 0),
                        msg("/synth/property/doneFlags/set", 12, 1),
                        msg("/synth/activate", 10),
                        msg("/synth/activate", 11),
                        msg("/synth/activate", 12)),
                at(PLAY_START,
                        // controls: rate 0.5; options: buffer 1, 1 channel, linear interpolation
                        synth("play", 13, List.of(0.5f), List.of(1, 1, 1)),
                        msg("/synth/map/output", 13, 0, 1, 1),
                        msg("/synth/property/doneFlags/set", 13, 1),
                        msg("/synth/activate", 13)),
                at(END, msg("/node/free", 10), msg("/node/free", 11), msg("/resource/free", 1))));
    }

    private static OSCPacket synth(String name, int id, List<Object> controls, List<Object> options) {
        return msg("/synth/new", PLUGINS + name, id, 0, 1, new ArrayList<>(controls), new ArrayList<>(options));
    }

    private static OSCBundle at(int frame, OSCPacket... packets) {
        return Score.bundle(frame / (double) SR, List.of(packets));
    }

    /** Checks a render of this score sample by sample. */
    static void check(float[][] out) {
        expect("channels", 2, out.length);
        float[] direct = out[0];
        float[] played = out[1];
        expect("frames", FRAMES, direct.length);

        // out 0: silence, then the sine from its start frame, then silence after it was freed
        silent("out 0 before the sine", direct, 0, SINE_START);
        for (int f = SINE_START; f < END; f++) {
            double t = (f - SINE_START) / (double) SR;
            near("out 0 frame " + f, 0.5 * Math.sin(2 * Math.PI * 440 * t), direct[f], 1e-5);
        }
        near("out 0 frequency", 440.0, Signals.frequency(direct, SINE_START, END, SR), 0.2);
        silent("out 0 after /node/free", direct, END, FRAMES);

        // what the record synth wrote: the sine's first RECORDED samples, as they reached out 0
        float[] recorded = new float[RECORDED];
        System.arraycopy(direct, SINE_START, recorded, 0, RECORDED);

        // out 1: silence, the buffer at half speed, silence once the player ended
        silent("out 1 before the player", played, 0, PLAY_START);
        for (int k = 0; k < PLAY_END - PLAY_START; k++) {
            float actual = played[PLAY_START + k];
            if (k % 2 == 0) {
                // a whole-frame position: the recorded sample itself, bit for bit
                if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits(recorded[k / 2])) {
                    throw new AssertionError("out 1 frame " + (PLAY_START + k) + " (buffer frame " + k / 2
                            + "): expected the recorded sample " + recorded[k / 2] + ", got " + actual);
                }
            }
            double pos = k * 0.5;
            int x = (int) pos;
            double a = recorded[x];
            double b = recorded[Math.min(x + 1, RECORDED - 1)]; // one-shot: the last frame's neighbour is itself
            near("out 1 frame " + (PLAY_START + k) + " (buffer position " + pos + ")", a + (pos - x) * (b - a),
                    actual, 1e-6);
        }
        near("out 1 frequency (half speed)", 220.0, Signals.frequency(played, PLAY_START, PLAY_END, SR), 0.2);
        near("out 1 peak", 0.5, Signals.peak(played, PLAY_START, PLAY_END), 1e-3);
        silent("out 1 after the player ended", played, PLAY_END, FRAMES);
    }

    private static void silent(String what, float[] x, int from, int to) {
        for (int f = from; f < to; f++) {
            if (x[f] != 0f) {
                throw new AssertionError(what + ": frame " + f + " is " + x[f] + ", expected silence");
            }
        }
    }

    private static void expect(String what, int expected, int actual) {
        if (expected != actual) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void near(String what, double expected, double actual, double tolerance) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw new AssertionError(what + ": expected " + expected + " ± " + tolerance + ", got " + actual);
        }
    }
}
