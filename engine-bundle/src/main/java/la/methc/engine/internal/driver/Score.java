package la.methc.engine.internal.driver;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import la.methc.osc.NtpTime;
import la.methc.osc.OscCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A score: timed OSC bundles for an offline render, in the format {@code scsynth -N} reads. The file is a
 * sequence of records {@code [int32 big-endian size][size bytes: one OSC bundle]}; a bundle's time tag counts
 * seconds from 0 (NTP format: whole seconds in the high 32 bits, the fraction in the low 32).
 *
 * <p>Bundles keep file order; each has its time in frames, {@code Math.round(seconds · sampleRate)}, the same
 * frame {@code Clock} gives the engine's scheduler in offline mode. Times may go backwards (with a warning):
 * such a bundle is dispatched in file order, so it runs late, at once. Blobs parse correctly wherever they are
 * ({@link OscCodec}).
 */
public final class Score {

    /** A record larger than this is taken for garbage rather than an OSC bundle. */
    public static final int MAX_RECORD_SIZE = 64 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(Score.class);
    private static final byte[] BUNDLE_START = "#bundle\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_BUNDLE_SIZE = 16; // "#bundle\0" and the time tag

    /**
     * One bundle of the score.
     *
     * @param offset byte offset of its record in the file
     * @param frame its time in frames at the score's sample rate
     */
    public record Entry(long offset, long frame, OSCBundle bundle) {

        /** Its time in seconds from 0. */
        public double seconds() {
            return Score.seconds(bundle.getTimestamp());
        }
    }

    private final String source;
    private final int sampleRate;
    private final List<Entry> entries;
    private final long lastFrame;

    private Score(String source, int sampleRate, List<Entry> entries) {
        this.source = source;
        this.sampleRate = sampleRate;
        this.entries = List.copyOf(entries);
        long last = -1;
        for (Entry e : entries) {
            last = Math.max(last, e.frame());
        }
        this.lastFrame = last;
    }

    /**
     * Reads a score file, computing frame times at {@code sampleRate}.
     *
     * @throws ScoreException when a record is malformed (the message names the byte offset)
     * @throws IOException when the file cannot be read
     */
    public static Score read(Path file, int sampleRate) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new ScoreException(file.toString(), 0, "the file is larger than 2 GiB (" + size + " bytes)", null);
        }
        return parse(ByteBuffer.wrap(Files.readAllBytes(file)), sampleRate, file.toString());
    }

    /**
     * Parses the score in {@code data} (position to limit; offsets count from the position).
     *
     * @param source names the score in messages
     */
    public static Score parse(ByteBuffer data, int sampleRate, String source) throws ScoreException {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        ByteBuffer buf = data.slice();
        List<Entry> entries = new ArrayList<>();
        int backwards = 0;
        long firstBackwards = -1;
        long previous = Long.MIN_VALUE;
        int pos = 0;
        int limit = buf.limit();
        while (pos < limit) {
            int left = limit - pos - 4;
            if (left < 0) {
                throw new ScoreException(source, pos, "truncated: " + (limit - pos)
                        + " bytes at the end of the file where a 4-byte record size was expected", null);
            }
            int size = buf.getInt(pos);
            if (size < 0) {
                throw new ScoreException(source, pos, "negative record size " + size + " (not a score?)", null);
            }
            if (size > MAX_RECORD_SIZE) {
                throw new ScoreException(source, pos, "record size " + size + " exceeds " + MAX_RECORD_SIZE
                        + " bytes (not a score?)", null);
            }
            if (size > left) {
                throw new ScoreException(source, pos, "truncated record: size " + size + " but only " + left
                        + " bytes follow", null);
            }
            ByteBuffer record = buf.slice(pos + 4, size);
            if (!isBundle(record)) {
                throw new ScoreException(source, pos, "not an OSC bundle (" + size + " bytes starting with \""
                        + printable(record) + "\"); every record of a score must be a bundle", null);
            }
            if (size % 4 != 0) {
                throw new ScoreException(source, pos, "record size " + size + " is not a multiple of 4", null);
            }
            OSCBundle bundle;
            try {
                bundle = (OSCBundle) OscCodec.decode(record);
            } catch (OscCodec.BadPacketException e) {
                throw new ScoreException(source, pos, "malformed OSC bundle: " + e.getMessage(), e);
            }
            long frame = frameOf(bundle.getTimestamp(), sampleRate);
            if (frame < previous) {
                if (backwards++ == 0) {
                    firstBackwards = pos;
                }
            }
            previous = Math.max(previous, frame);
            entries.add(new Entry(pos, frame, bundle));
            pos += 4 + size;
        }
        if (backwards > 0) {
            LOG.warn("score {}: {} bundles are timed earlier than a bundle before them (the first at byte offset "
                    + "{}); they run in file order, that is late, at once", source, backwards, firstBackwards);
        }
        return new Score(source, sampleRate, entries);
    }

    private static boolean isBundle(ByteBuffer record) {
        if (record.remaining() < MIN_BUNDLE_SIZE) {
            return false;
        }
        for (int i = 0; i < BUNDLE_START.length; i++) {
            if (record.get(i) != BUNDLE_START[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(ByteBuffer record) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(8, record.remaining()); i++) {
            int c = record.get(i) & 0xff;
            b.append(c >= 32 && c < 127 ? (char) c : '.');
        }
        return b.toString();
    }


    /** The score's bundles in file order. */
    public List<Entry> entries() {
        return entries;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Where it was read from, for messages. */
    public String source() {
        return source;
    }

    /** The latest bundle time in frames, or -1 for an empty score. */
    public long lastFrame() {
        return lastFrame;
    }

    // ---------------------------------------------------------------- time tags

    /** Seconds from 0 of a score time tag. */
    public static double seconds(OSCTimeTag64 tag) {
        return NtpTime.toSeconds(tag.getNtpTime());
    }

    /** Frame of a score time tag: {@code Math.round(seconds · sampleRate)}, as {@code Clock} computes it. */
    public static long frameOf(OSCTimeTag64 tag, int sampleRate) {
        return Math.round(seconds(tag) * sampleRate);
    }

    /** The time tag of {@code seconds} from 0 (0 ≤ seconds < 2^32). */
    public static OSCTimeTag64 timeTag(double seconds) {
        return OSCTimeTag64.valueOf(NtpTime.fromSeconds(seconds));
    }

    /** A bundle of {@code packets} at {@code seconds} from 0. */
    public static OSCBundle bundle(double seconds, List<? extends OSCPacket> packets) {
        return new OSCBundle(new ArrayList<>(packets), timeTag(seconds));
    }

    // ---------------------------------------------------------------- writing

    /** Writes {@code bundles} as a score file, serialised by JavaOSC. */
    public static void write(Path file, List<OSCBundle> bundles) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, bundles);
        }
    }

    /** Writes {@code bundles} as score records to {@code out}. */
    public static void write(OutputStream out, List<OSCBundle> bundles) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        for (OSCBundle b : bundles) {
            ByteBuffer record;
            try {
                record = OscCodec.encode(Objects.requireNonNull(b, "bundle"));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            data.writeInt(record.remaining());
            data.write(record.array(), record.arrayOffset(), record.remaining());
        }
        data.flush();
    }
}
