package la.methc.plugins.sampler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import la.methc.audiobuffer.AudioBuffer;

/**
 * Sound files for the buffer commands. Worker threads only (blocking I/O).
 *
 * <p>Reading goes through {@code javax.sound.sampled.AudioSystem}, so it takes what the JDK decodes: WAV
 * (RIFF, also WAVE_FORMAT_EXTENSIBLE) and AIFF / AIFF-C, with 8-, 16-, 24- and 32-bit integer PCM and 32- or
 * 64-bit float samples, decoded here to float (integers scaled by 1 / 2^(bits - 1), so 16-bit is exact); other
 * encodings the JDK can convert to 16-bit PCM (μ-law, A-law) are converted. FLAC is not supported: the JDK has
 * no FLAC reader and the engine takes no third-party decoder. No resampling: the samples are copied as they
 * are, whatever the file's and the buffer's sample rates.
 *
 * <p>Writing produces a 32-bit float WAV (WAVE_FORMAT_IEEE_FLOAT), written to a temporary file next to the
 * target and moved over it, so a failed write leaves no half file.
 */
final class SampleFiles {

    /** Frames decoded per read. */
    private static final int CHUNK_FRAMES = 4096;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAV_HEADER_BYTES = 44;

    private SampleFiles() {
    }

    /**
     * Reads frames of {@code file} from {@code fileStart} into {@code buf} from {@code bufStart}: {@code frames}
     * of them, or (negative) as many as the file has and the buffer holds. File channels beyond the buffer's are
     * dropped; buffer channels beyond the file's are left as they are, as are the frames not read.
     *
     * @param name the path as the client gave it, for messages
     * @return the frames read
     * @throws IOException              when the file is missing or cannot be read
     * @throws IllegalArgumentException when it is no sound file the JDK decodes, or the positions do not fit
     */
    static int read(Path file, String name, AudioBuffer buf, long fileStart, long frames, int bufStart)
            throws IOException {
        if (bufStart >= buf.numFrames()) {
            throw new IllegalArgumentException("bufStartFrame " + bufStart + " is beyond the buffer's "
                    + buf.numFrames() + " frames");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + name + ": it is a directory");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(name, null, "no such file in the sample root");
        }
        AudioInputStream in = open(file, name);
        try (in) {
            AudioInputStream pcm = toPcm(in, name);
            AudioFormat f = pcm.getFormat();
            SampleDecoder decoder = SampleDecoder.of(f, name);
            long length = pcm.getFrameLength();
            if (length != AudioSystem.NOT_SPECIFIED && fileStart > length) {
                throw new IllegalArgumentException("fileStartFrame " + fileStart + " is beyond the end of " + name
                        + " (" + length + " frames)");
            }
            int frameSize = f.getFrameSize();
            if (!skipFully(pcm, fileStart * frameSize)) {
                throw new IllegalArgumentException("fileStartFrame " + fileStart + " is beyond the end of " + name);
            }
            long want = buf.numFrames() - (long) bufStart;
            if (frames >= 0) {
                want = Math.min(want, frames);
            }
            if (length != AudioSystem.NOT_SPECIFIED) {
                want = Math.min(want, length - fileStart);
            }
            int fileChannels = f.getChannels();
            int channels = Math.min(fileChannels, buf.numChannels());
            float[][] data = buf.data();
            byte[] bytes = new byte[CHUNK_FRAMES * frameSize];
            int done = 0;
            while (done < want) {
                int n = (int) Math.min(CHUNK_FRAMES, want - done);
                int got = readFrames(pcm, bytes, n * frameSize) / frameSize;
                for (int i = 0; i < got; i++) {
                    int frame = bufStart + done + i;
                    int at = i * frameSize;
                    for (int c = 0; c < channels; c++) {
                        data[c][frame] = decoder.decode(bytes, at + c * decoder.bytesPerSample());
                    }
                }
                done += got;
                if (got < n) {
                    break; // the file was shorter than it said
                }
            }
            return done;
        } catch (IOException e) {
            if (e instanceof NoSuchFileException) {
                throw e;
            }
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static AudioInputStream open(Path file, String name) throws IOException {
        try {
            return AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("cannot read " + name + ": not a sound file the engine decodes (WAV "
                    + "or AIFF with integer or float PCM; FLAC is not supported)", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
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

    private static boolean skipFully(InputStream in, long bytes) throws IOException {
        long left = bytes;
        byte[] scratch = null;
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
                return false;
            }
            left -= n;
        }
        return true;
    }

    /** Reads up to {@code length} bytes, fewer only at the end of the stream. */
    private static int readFrames(InputStream in, byte[] b, int length) throws IOException {
        int off = 0;
        while (off < length) {
            int n = in.read(b, off, length - off);
            if (n < 0) {
                break;
            }
            off += n;
        }
        return off;
    }

    /**
     * Writes {@code buf} to {@code file} as a 32-bit float WAV at the buffer's sample rate (rounded to whole
     * Hz), creating the missing parent directories.
     *
     * @param name the path as the client gave it, for messages
     */
    static void writeFloatWav(Path file, String name, AudioBuffer buf) throws IOException {
        int channels = buf.numChannels();
        int frames = buf.numFrames();
        long dataBytes = 4L * channels * frames;
        if (dataBytes + WAV_HEADER_BYTES - 8 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("cannot write " + name + ": " + dataBytes
                    + " bytes of samples is more than a WAV file holds (4 GiB)");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot write " + name + ": it is a directory");
        }
        int rate = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(buf.sampleRate())));
        Path dir = file.getParent();
        // not Files.createTempFile: its file is private (0600); this one gets the usual permissions
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot write " + name + ": " + e, e);
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer b = ByteBuffer.allocate(Math.max(WAV_HEADER_BYTES, CHUNK_FRAMES * 4 * channels))
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.put(ascii("RIFF")).putInt((int) (dataBytes + WAV_HEADER_BYTES - 8)).put(ascii("WAVE"));
                b.put(ascii("fmt ")).putInt(16).putShort((short) WAVE_FORMAT_IEEE_FLOAT).putShort((short) channels)
                        .putInt(rate).putInt(rate * 4 * channels).putShort((short) (4 * channels)).putShort((short) 32);
                b.put(ascii("data")).putInt((int) dataBytes);
                writeAll(ch, b);
                float[][] data = buf.data();
                for (int start = 0; start < frames; start += CHUNK_FRAMES) {
                    int end = Math.min(frames, start + CHUNK_FRAMES);
                    for (int i = start; i < end; i++) {
                        for (int c = 0; c < channels; c++) {
                            b.putFloat(data[c][i]);
                        }
                    }
                    writeAll(ch, b);
                }
                ch.force(false);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + name + ": " + e, e);
        }
    }

    private static void writeAll(FileChannel ch, ByteBuffer b) throws IOException {
        b.flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
        b.clear();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
