package la.methc.engine.internal.driver;

/**
 * The text of {@link JavaSoundDriver}'s errors and log lines: a cold helper, so that the driver, whose loop and
 * conversions run on RT every block, holds no String constant (but its name, resolved by its constructor) that a
 * C2 compile would resolve (allocate) on RT. Opening (NRT) and the RT paths where a line failed only.
 */
final class JavaSoundText {

    private JavaSoundText() {
    }

    static String noOutputChannel() {
        return "javasound needs at least one output channel";
    }

    static String badBufferBlocks(int bufferBlocks) {
        return "bufferBlocks must be positive: " + bufferBlocks;
    }

    /** Log format: input format, why, number of inputs. */
    static String noInputLine() {
        return "javasound: no input line for {} ({}); the {} hardware inputs are silent";
    }

    /** Log format: output format, line class, granted frames, input. */
    static String opened() {
        return "javasound: output {} ({} line, buffer {} frames), input {}";
    }

    static String silent() {
        return "silent";
    }

    /** Log format: stall milliseconds. */
    static String inputStalled() {
        return "javasound: the input line delivered nothing for {} ms (is the device gone?); the "
                + "hardware inputs are silent from now on";
    }

    /** Log format: stall milliseconds. */
    static String outputStalled() {
        return "javasound: the output line took no audio for {} ms (is the device gone?); the engine "
                + "goes on without sound, paced by the clock";
    }
}
