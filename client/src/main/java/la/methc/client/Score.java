package la.methc.client;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import la.methc.osc.NtpTime;
import la.methc.osc.OscCodec;

/**
 * A score for {@code methcla render} (docs/rendering.md; the file, byte by byte: docs/score-format.md), as {@code scsynth -N} reads them: timed bundles, each
 * written as its int32 big-endian size and the bundle, whose time tags count seconds from 0. The render lasts
 * until the last bundle's time (a {@code /sync} there marks an end). Not thread-safe.
 *
 * <pre>{@code
 * Score score = new Score();
 * score.at(0, b -> b.newSynth(SINE, 1000, 0, AddAction.TAIL, List.of(440f, 0.2f), List.of())
 *         .mapOutput(1000, 0, 0, Flags.BUS_EXTERNAL).activate(1000));
 * score.at(2, b -> b.free(1000));
 * score.write(Path.of("sine.osc"));
 * }</pre>
 */
public final class Score {

    private final List<Bundle> bundles = new ArrayList<>();

    /** Adds a bundle at {@code seconds} from the start, filled by {@code body}; bundles keep this order. */
    public Score at(double seconds, Consumer<Bundle> body) {
        Bundle b = Bundle.withTimeTag(NtpTime.fromSeconds(seconds));
        body.accept(b);
        bundles.add(b);
        return this;
    }

    /** The bundles so far, in order. */
    public List<Bundle> bundles() {
        return List.copyOf(bundles);
    }

    /** Writes the score to {@code file}. */
    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    /** Writes the score to {@code out} (not closed). */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        for (Bundle b : bundles) {
            ByteBuffer bytes = OscCodec.encode(b.toPacket());
            data.writeInt(bytes.remaining());
            data.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
        data.flush();
    }
}
