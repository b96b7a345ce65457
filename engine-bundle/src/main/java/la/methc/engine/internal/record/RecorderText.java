package la.methc.engine.internal.record;

import java.nio.file.Path;

/**
 * The addresses and error texts of output recording: a cold helper, so that {@link OutputRecorder}, which RT runs
 * every block, holds no String constant that a C2 compile could resolve there. NRT.
 */
public final class RecorderText {

    public static final String START = "/output/record/start";
    public static final String STOP = "/output/record/stop";

    private RecorderText() {
    }

    /** {@link #START}, for the commands RT performs (a call, so its text stays out of their constant pools). */
    public static String start() {
        return START;
    }

    /** {@link #STOP}, for the commands RT performs. */
    public static String stop() {
        return STOP;
    }

    /** The reason of {@code /error} for a stop when nothing is recorded. */
    public static String notRecording() {
        return "not recording";
    }

    static String badChannels(int outputs, int channels) {
        return outputs == 0 ? "the engine has no hardware outputs to record"
                : "channels must be 1.." + outputs + " (the hardware outputs): " + channels;
    }

    static String alreadyRecording(Path path) {
        return "already recording to " + path;
    }
}
