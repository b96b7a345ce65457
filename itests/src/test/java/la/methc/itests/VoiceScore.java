package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;

import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.driver.Score;

/**
 * The benchmark's offline score ({@code bench/harness.sh voice-score}): a 440 Hz sine recorded into a one-second
 * AudioBuffer, then looping cubic play voices at rates 1.001 to 1.050 (within the cubic kernel's stretches and
 * vectors, ADR 0016; and the linear one's vectors, ADR 0023) on the two outputs until the end.
 */
final class VoiceScore {

    private static final String PLUGINS = "http://methc.la/plugins/";
    private static final int SR = 48000;
    private static final int BUFFER = 1;
    private static final int GROUP = 5;
    private static final int FIRST_VOICE = 10;
    static final int LINEAR = 1;
    static final int CUBIC = 2;

    private VoiceScore() {
    }

    static void write(Path file, int voices, double seconds) throws IOException {
        write(file, voices, seconds, CUBIC);
    }

    /** As {@link #write(Path, int, double)}, voice {@code i} with interpolation {@code modes[i % modes.length]}. */
    static void write(Path file, int voices, double seconds, int... modes) throws IOException {
        List<OSCPacket> start = new ArrayList<>(List.of(
                synth("sine", 2, List.of(440f, 1f / voices), List.of()),
                msg("/synth/map/output", 2, 0, 0, 0),
                synth("record", 3, List.of(0f, 0f), List.of(BUFFER)),
                msg("/synth/map/input", 3, 0, 0, 0),
                msg("/synth/property/doneFlags/set", 3, 3),
                msg("/synth/activate", 2),
                msg("/synth/activate", 3),
                msg("/group/new", GROUP, 0, 1)));
        for (int i = 0; i < voices; i++) {
            int id = FIRST_VOICE + i;
            start.add(msg("/synth/new", PLUGINS + "play", id, GROUP, 1, new ArrayList<>(List.of(1f + 0.001f
                    * (1 + i % 50), 1f)), new ArrayList<>(List.of(BUFFER, 1, modes[i % modes.length]))));
            start.add(msg("/synth/map/output", id, 0, i % 2, 1));
            start.add(msg("/synth/activate", id));
        }
        Score.write(file, List.of(
                Score.bundle(0, List.of(msg("/resource/new", "http://methc.la/resources/AudioBuffer/v1", BUFFER, 1,
                        SR))),
                Score.bundle(0.002, start),
                Score.bundle(seconds, List.of(msg("/sync", 1)))));
    }

    private static OSCPacket synth(String name, int id, List<Object> controls, List<Object> options) {
        return msg("/synth/new", PLUGINS + name, id, 0, 1, new ArrayList<>(controls), new ArrayList<>(options));
    }
}
