package la.methc.audiobuffer.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A sound file open for reading, decoded to float: its shape ({@link #numChannels()}, {@link #numFrames()},
 * {@link #sampleRate()}) and its frames, read in order. Worker threads only (blocking I/O); not thread-safe.
 *
 * <p>Reading goes through {@code javax.sound.sampled.AudioSystem}, so it takes what the JDK decodes: WAV
 * (RIFF, also WAVE_FORMAT_EXTENSIBLE) and AIFF / AIFF-C, with 8-, 16-, 24- and 32-bit integer PCM and 32- or
 * 64-bit float samples, decoded to float (integers scaled by 1 / 2^(bits - 1), so 16-bit is exact); other
 * encodings the JDK can convert to 16-bit PCM (μ-law, A-law) are converted. FLAC (8-, 16- or 24-bit; a file
 * that starts with {@code fLaC}) is decoded by jflac-codec, a bundle of its own (see {@link FlacInput}).
 * No resampling: the samples are as in the file.
 *
 * <p>Every refusal is an {@link IOException} (missing or unreadable file) or an {@link IllegalArgumentException}
 * (not a sound file the engine decodes) whose message names the file as the client gave it, fit for an
 * {@code /error} or {@code /resource/error}.
 */
public final class SoundFile implements Closeable {

    /** Frames decoded per read. */
    private static final int CHUNK_FRAMES = 4096;

    private final String name;
    private final AudioInputStream in;
    private final SampleDecoder decoder;
    private final int numChannels;
    private final int frameSize;
    private final long numFrames;
    private final double sampleRate;
    private byte[] bytes;

    private SoundFile(String name, AudioInputStream in, SampleDecoder decoder) {
        this.name = name;
        this.in = in;
        this.decoder = decoder;
        AudioFormat f = in.getFormat();
        numChannels = f.getChannels();
        frameSize = f.getFrameSize();
        long length = in.getFrameLength();
        numFrames = length == AudioSystem.NOT_SPECIFIED ? -1 : length;
        sampleRate = f.getSampleRate();
    }

    /**
     * Worker. Opens {@code file} and reads its header.
     *
     * @param name the path as the client gave it, for messages
     * @throws IOException              when the file is missing, a directory, or cannot be read
     * @throws IllegalArgumentException when it is no sound file the engine decodes
     */
    public static SoundFile open(Path file, String name) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + name + ": it is a directory");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(name, null, "no such file in the sample root");
        }
        AudioInputStream in;
        try {
            in = FlacInput.isFlac(file) ? FlacInput.open(file, name) : AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("cannot read " + name + ": not a sound file the engine decodes (WAV "
                    + "or AIFF with integer or float PCM, or FLAC)", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        try {
            AudioInputStream pcm = toPcm(in, name);
            SampleDecoder decoder = SampleDecoder.of(pcm.getFormat(), name);
            float rate = pcm.getFormat().getSampleRate();
            if (!(rate > 0) || Float.isInfinite(rate)) {
                throw new IllegalArgumentException("cannot read " + name + ": its sample rate " + rate
                        + " is not a positive number");
            }
            return new SoundFile(name, pcm, decoder);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** At least 1. */
    public int numChannels() {
        return numChannels;
    }

    /** Frames per channel as the header says, or -1 when it does not say. */
    public long numFrames() {
        return numFrames;
    }

    /** Frames per second, as the header says; positive and finite. */
    public double sampleRate() {
        return sampleRate;
    }

    /**
     * Worker. Skips {@code frames} frames.
     *
     * @throws IllegalArgumentException when the file ends before ({@code what} names the position in the message)
     */
    public void skipFrames(long frames, String what) throws IOException {
        if (numFrames >= 0 && frames > numFrames) {
            throw new IllegalArgumentException(what + " " + frames + " is beyond the end of " + name + " ("
                    + numFrames + " frames)");
        }
        long left = frames * frameSize;
        byte[] scratch = null;
        try {
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped > 0) {
                    left -= skipped;
                    continue;
                }
                // skip may do nothing without being at the end: read to find out
                if (scratch == null) {
                    scratch = new byte[8192];
                }
                int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
                if (n < 0) {
                    throw new IllegalArgumentException(what + " " + frames + " is beyond the end of " + name);
                }
                left -= n;
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Worker. Reads up to {@code frames} frames into {@code data[c][start …]}: file channel c into
     * {@code data[c]} for the channels both have; file channels beyond {@code data.length} are dropped, arrays
     * beyond the file's channels are left as they are.
     *
     * @return the frames read: fewer than {@code frames} only at the end of the file
     */
    public int read(float[][] data, int start, int frames) throws IOException {
        if (bytes == null) {
            bytes = new byte[CHUNK_FRAMES * frameSize];
        }
        int channels = Math.min(numChannels, data.length);
        int step = decoder.bytesPerSample();
        int done = 0;
        try {
            while (done < frames) {
                int n = Math.min(CHUNK_FRAMES, frames - done);
                int got = readFully(bytes, n * frameSize) / frameSize;
                for (int i = 0; i < got; i++) {
                    int frame = start + done + i;
                    int at = i * frameSize;
                    for (int c = 0; c < channels; c++) {
                        data[c][frame] = decoder.decode(bytes, at + c * step);
                    }
                }
                done += got;
                if (got < n) {
                    break; // the file was shorter than it said
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        return done;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return name + " (" + numChannels + " ch, " + (numFrames < 0 ? "?" : Long.toString(numFrames))
                + " frames, " + sampleRate + " Hz)";
    }

    /** {@code in} itself if it is PCM, else converted to 16-bit PCM if the JDK can, else refused. */
    private static AudioInputStream toPcm(AudioInputStream in, String name) {
        AudioFormat f = in.getFormat();
        Encoding e = f.getEncoding();
        if (e.equals(Encoding.PCM_SIGNED) || e.equals(Encoding.PCM_UNSIGNED) || e.equals(Encoding.PCM_FLOAT)) {
            return in;
        }
        AudioFormat target = new AudioFormat(Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
                2 * f.getChannels(), f.getSampleRate(), false);
        if (f.getChannels() > 0 && AudioSystem.isConversionSupported(target, f)) {
            return AudioSystem.getAudioInputStream(target, in);
        }
        throw new IllegalArgumentException("cannot read " + name + ": unsupported encoding " + f);
    }

    /** Reads up to {@code length} bytes, fewer only at the end of the stream. */
    private int readFully(byte[] b, int length) throws IOException {
        InputStream s = in;
        int off = 0;
        while (off < length) {
            int n = s.read(b, off, length - off);
            if (n < 0) {
                break;
            }
            off += n;
        }
        return off;
    }
}
