package la.methc.audiobuffer.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

/**
 * A FLAC file decoded by jflac-codec's {@link FLACDecoder}, frame by frame, into interleaved little-endian PCM
 * (8-bit unsigned, 16- or 24-bit signed, as jflac's PCM output gives it), offered as an {@link AudioInputStream}
 * so that {@link SoundFile} reads it as it reads a WAV. Worker threads only; not thread-safe.
 *
 * <p>jflac skips a frame whose header it cannot decode (and counts it), and reports a frame whose CRC-16 does
 * not match to its listeners and outputs silence; here either is an {@link IOException}, so a corrupt file is
 * refused rather than read with a gap.
 */
final class FlacInput extends InputStream implements FrameListener {

    /** The four bytes every FLAC stream starts with. */
    private static final byte[] MAGIC = {'f', 'L', 'a', 'C'};

    private final InputStream file;
    private final FLACDecoder decoder;
    /** Sample frames STREAMINFO gives, or 0 when it does not say. */
    private long total;
    /** The channels and bits per sample STREAMINFO gives: the PCM layout every frame must decode to. */
    private int channels;
    private int bits;
    private ByteData pcm;
    private int at;
    private boolean ended;
    /** Sample frames of the frames decoded so far, for messages. */
    private long decoded;
    /** The first error jflac reported of the frame being read (it then zeroes the frame rather than throw). */
    private String error;

    private FlacInput(InputStream file) {
        this.file = file;
        this.decoder = new FLACDecoder(file);
        decoder.addFrameListener(this);
    }

    /** Worker. Whether {@code file} starts with the FLAC stream marker. */
    static boolean isFlac(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return java.util.Arrays.equals(head, MAGIC);
        }
    }

    /**
     * Worker. Opens {@code file}, reads its metadata and returns its PCM with the shape STREAMINFO gives.
     *
     * @throws IOException              when it cannot be opened
     * @throws IllegalArgumentException when its metadata is corrupt or its bit depth is not 8, 16 or 24
     */
    static AudioInputStream open(Path file, String name) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        FlacInput in = new FlacInput(raw);
        try {
            StreamInfo info;
            try {
                in.decoder.readMetadata();
                info = in.decoder.getStreamInfo();
            } catch (java.io.EOFException e) {
                throw new IllegalArgumentException("cannot read " + name + ": the FLAC file ends inside its "
                        + "metadata", e);
            } catch (IOException | RuntimeException e) {
                // jflac says "bad metadata" and the like by IOException or unchecked exceptions
                throw new IllegalArgumentException("cannot read " + name + ": corrupt FLAC metadata (" + e + ")", e);
            }
            if (info == null) {
                throw new IllegalArgumentException("cannot read " + name + ": a FLAC file without STREAMINFO");
            }
            int bits = info.getBitsPerSample();
            if (bits != 8 && bits != 16 && bits != 24) {
                throw new IllegalArgumentException("cannot read " + name + ": FLAC of " + bits
                        + " bits per sample is not supported (8, 16 or 24)");
            }
            int channels = info.getChannels();
            AudioFormat format = new AudioFormat(bits == 8 ? Encoding.PCM_UNSIGNED : Encoding.PCM_SIGNED,
                    info.getSampleRate(), bits, channels, channels * bits / 8, info.getSampleRate(), false);
            in.total = Math.max(0, info.getTotalSamples()); // 0: STREAMINFO does not say
            in.channels = channels;
            in.bits = bits;
            return new AudioInputStream(in, format, in.total > 0 ? in.total : AudioSystem.NOT_SPECIFIED);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pcm == null || at >= pcm.getLen()) {
            if (ended || !nextFrame()) {
                return -1;
            }
        }
        int n = Math.min(len, pcm.getLen() - at);
        System.arraycopy(pcm.getData(), at, b, off, n);
        at += n;
        return n;
    }

    /** Decodes the next frame into {@link #pcm}; false at the end of the stream. */
    private boolean nextFrame() throws IOException {
        try {
            Frame frame = decoder.readNextFrame();
            if (error != null || decoder.getBadFrames() > 0) {
                throw new IOException("corrupt FLAC frame at sample frame " + decoded + " ("
                        + (error != null ? error : "a frame header that does not decode") + ")");
            }
            if (frame == null) {
                if (decoded < total) {
                    // jflac ends quietly when the file stops inside a frame's header or CRC, or between frames
                    throw new IOException("corrupt FLAC frame at sample frame " + decoded + " (the file ends there,"
                            + " before the " + total + " sample frames its STREAMINFO gives)");
                }
                ended = true;
                return false;
            }
            if (frame.header.channels != channels || frame.header.bitsPerSample != bits) {
                // jflac decodes a frame by its own header: read as STREAMINFO's layout, its samples would be garbage
                throw new IOException("corrupt FLAC frame at sample frame " + decoded + " (" + frame.header.channels
                        + " channel(s) of " + frame.header.bitsPerSample + " bits, where STREAMINFO gives " + channels
                        + " of " + bits + ")");
            }
            pcm = decoder.decodeFrame(frame, pcm);
            at = 0;
            decoded += frame.header.blockSize;
            return true;
        } catch (RuntimeException e) {
            // jflac reports some malformed frames by an unchecked exception
            throw new IOException("corrupt FLAC frame at sample frame " + decoded + " (" + e + ")", e);
        }
    }

    @Override
    public void processMetadata(Metadata metadata) {
        // STREAMINFO is read through the decoder; other blocks (tags, pictures, seek tables) are not used
    }

    @Override
    public void processFrame(Frame frame) {
        // frames are taken one by one in nextFrame
    }

    @Override
    public void processError(String message) {
        if (error == null) {
            error = message;
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
