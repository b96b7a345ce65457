package la.methc.engine.internal.driver;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * WAV files of 32-bit float samples ({@code WAVE_FORMAT_IEEE_FLOAT}), so rendered values come back exactly.
 *
 * <p>The JDK's {@code AudioSystem.write} can write {@code PCM_FLOAT} WAVE too, but only from an
 * {@code AudioInputStream}; this writer streams blocks as they are rendered instead, so a long render does not
 * have to fit in memory. The layout is the canonical one: {@code RIFF/WAVE}, an 18-byte {@code fmt } chunk
 * (format 3, {@code cbSize} 0), a {@code fact} chunk (frames, required for non-PCM formats) and {@code data}.
 * The JDK's {@code AudioSystem.getAudioInputStream}, sox and libsndfile read it.
 *
 * <p>The reader is for tests and tools: 32-bit float and 16-bit PCM, plain or {@code WAVE_FORMAT_EXTENSIBLE}.
 */
public final class WavFile {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int HEADER_BYTES = 12 + (8 + 18) + (8 + 4) + 8;
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (HEADER_BYTES - 8);

    private WavFile() {
    }

    /** Samples read from a WAV file: {@code channels[channel][frame]}. */
    public record Audio(int sampleRate, float[][] channels) {

        public int numChannels() {
            return channels.length;
        }

        public int frames() {
            return channels.length == 0 ? 0 : channels[0].length;
        }
    }

    /** Writes {@code channels[channel][frame]} (all of equal length) as a 32-bit float WAV file. */
    public static void write(Path path, int sampleRate, float[][] channels) throws IOException {
        int frames = channels.length == 0 ? 0 : channels[0].length;
        for (float[] c : channels) {
            if (c.length != frames) {
                throw new IllegalArgumentException("channels of different lengths");
            }
        }
        try (Writer w = Writer.create(path, sampleRate, channels.length)) {
            w.write(channels, frames);
        }
    }

    /** Streams blocks of samples into a 32-bit float WAV file; {@link #close()} completes the header. */
    public static final class Writer implements Closeable {

        private static final int BUFFER_FRAMES = 4096;

        private final FileChannel file;
        private final int sampleRate;
        private final int numChannels;
        private final ByteBuffer buffer;
        private long frames;
        private boolean closed;

        private Writer(FileChannel file, int sampleRate, int numChannels) {
            this.file = file;
            this.sampleRate = sampleRate;
            this.numChannels = numChannels;
            buffer = ByteBuffer.allocate(BUFFER_FRAMES * numChannels * 4).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Creates (or truncates) {@code path}. */
        public static Writer create(Path path, int sampleRate, int numChannels) throws IOException {
            if (sampleRate <= 0 || numChannels <= 0 || numChannels > 0xFFFF) {
                throw new IllegalArgumentException("bad WAV format: " + sampleRate + " Hz, " + numChannels
                        + " channels");
            }
            FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Writer w = new Writer(file, sampleRate, numChannels);
            try {
                w.writeHeader(); // sizes are patched at close
                file.position(HEADER_BYTES);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
            return w;
        }

        /** Appends frames {@code 0..frames-1} of {@code block[channel]}. */
        public void write(float[][] block, int count) throws IOException {
            if (closed) {
                throw new IOException("WAV writer is closed");
            }
            if (block.length != numChannels) {
                throw new IllegalArgumentException(block.length + " channels, the file has " + numChannels);
            }
            if ((frames + count) * numChannels * 4L > MAX_DATA_BYTES) {
                throw new IOException("a WAV file holds at most 4 GiB of samples: "
                        + (MAX_DATA_BYTES / (numChannels * 4L)) + " frames of " + numChannels + " channels");
            }
            for (int f = 0; f < count; f++) {
                if (buffer.remaining() < numChannels * 4) {
                    flush();
                }
                for (int c = 0; c < numChannels; c++) {
                    buffer.putFloat(block[c][f]);
                }
            }
            frames += count;
        }

        /** Frames written so far. */
        public long frames() {
            return frames;
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            buffer.clear();
        }

        private void writeHeader() throws IOException {
            long dataBytes = frames * numChannels * 4L;
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            h.put(ascii("RIFF")).putInt((int) (HEADER_BYTES - 8 + dataBytes)).put(ascii("WAVE"));
            h.put(ascii("fmt ")).putInt(18)
                    .putShort((short) FORMAT_FLOAT)
                    .putShort((short) numChannels)
                    .putInt(sampleRate)
                    .putInt(sampleRate * numChannels * 4) // byte rate
                    .putShort((short) (numChannels * 4)) // block align
                    .putShort((short) 32)
                    .putShort((short) 0); // cbSize
            h.put(ascii("fact")).putInt(4).putInt((int) frames);
            h.put(ascii("data")).putInt((int) dataBytes);
            h.flip();
            long at = 0;
            while (h.hasRemaining()) {
                at += file.write(h, at);
            }
        }

        /** Writes what is buffered, completes the header and closes the file; idempotent. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                flush();
                writeHeader();
            } finally {
                file.close();
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads a 32-bit float or 16-bit PCM WAV file. */
    public static Audio read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != tag("RIFF") || b.getInt(8) != tag("WAVE")) {
            throw new IOException(path + ": not a RIFF/WAVE file");
        }
        int format = -1;
        int numChannels = 0;
        int sampleRate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFF_FFFFL;
            int body = pos + 8;
            if (id == tag("fmt ")) {
                format = b.getShort(body) & 0xFFFF;
                numChannels = b.getShort(body + 2) & 0xFFFF;
                sampleRate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 40) {
                    format = b.getShort(body + 24) & 0xFFFF; // the sub-format GUID starts with the format tag
                }
            } else if (id == tag("data")) {
                if (format < 0) {
                    throw new IOException(path + ": data chunk before fmt chunk");
                }
                long available = Math.min(size, b.limit() - body); // a streamed file may leave the size unset
                return new Audio(sampleRate, samples(path, b, body, available, format, bits, numChannels));
            }
            pos = (int) Math.min(b.limit(), body + size + (size & 1));
        }
        throw new IOException(path + ": no data chunk");
    }

    private static float[][] samples(Path path, ByteBuffer b, int at, long bytes, int format, int bits,
            int numChannels) throws IOException {
        boolean isFloat = format == FORMAT_FLOAT && bits == 32;
        boolean isPcm16 = format == FORMAT_PCM && bits == 16;
        if (!isFloat && !isPcm16 || numChannels == 0) {
            throw new IOException(path + ": unsupported WAV format " + format + " with " + bits + " bits and "
                    + numChannels + " channels (32-bit float and 16-bit PCM only)");
        }
        int bytesPerSample = bits / 8;
        int frames = (int) (bytes / (bytesPerSample * numChannels));
        float[][] channels = new float[numChannels][frames];
        int p = at;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < numChannels; c++) {
                channels[c][f] = isFloat ? b.getFloat(p) : b.getShort(p) / 32768f;
                p += bytesPerSample;
            }
        }
        return channels;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int tag(String s) {
        return ByteBuffer.wrap(ascii(s)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
