package la.methc.engine.internal.driver;

import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.sound.sampled.LineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens drivers by name. */
public final class Drivers {

    private static final Logger LOG = LoggerFactory.getLogger(Drivers.class);

    private Drivers() {
    }

    /**
     * Opens the real-time driver {@code name}: {@code javasound} or {@code dummy}. When {@code javasound}
     * cannot open a line (no sound card, an unsupported format, the device busy), this logs one warning that
     * says why and returns a {@link DummyDriver} instead.
     *
     * @throws IllegalArgumentException for {@code offline} (it needs a score: {@link #offline}) and unknown
     *     names
     */
    public static AudioDriver open(String name, DriverOptions options) {
        switch (name) {
            case JavaSoundDriver.NAME:
                try {
                    return JavaSoundDriver.open(options);
                } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                    LOG.warn("javasound: cannot open an audio line for {} Hz, {} out / {} in ({}); using the dummy "
                            + "driver instead: the engine runs in real time but makes no sound",
                            options.sampleRate(), options.numOutputs(), options.numInputs(), reason(e));
                    return new DummyDriver(options);
                }
            case DummyDriver.NAME:
                return new DummyDriver(options);
            case OfflineDriver.NAME:
                throw new IllegalArgumentException("the offline driver renders a score: use Drivers.offline");
            default:
                throw new IllegalArgumentException("unknown driver " + name + " (javasound, dummy or offline)");
        }
    }

    /**
     * Reads {@code scoreFile} and returns an {@link OfflineDriver} that renders it to {@code output}.
     *
     * @throws ScoreException when the score is malformed (the message names the byte offset)
     * @throws IOException when it cannot be read
     */
    public static OfflineDriver offline(DriverOptions options, Path scoreFile, Consumer<OSCPacket> dispatch,
            Path output) throws IOException {
        return new OfflineDriver(options, Score.read(scoreFile, options.sampleRate()), dispatch, output);
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
