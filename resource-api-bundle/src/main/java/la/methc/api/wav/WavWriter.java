package la.methc.api.wav;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams blocks of samples into a WAV file, so a long render or recording need not fit in memory;
 * {@link #close()} completes the header.
 *
 * <p>Layouts: {@link WavFormat#FLOAT} is {@code RIFF/WAVE}, an 18-byte {@code fmt } chunk (format 3,
 * {@code cbSize} 0), a {@code fact} chunk (frames; required for non-PCM formats) and {@code data} (58-byte
 * header). The PCM formats are the canonical 44-byte one: a 16-byte {@code fmt } chunk (format 1) and
 * {@code data} (padded to an even size). Samples are little-endian and interleaved. PCM samples are clipped
 * to [-1, 1] and scaled by 2<sup>bits-1</sup>-1, so both signs reach the same magnitude and no value wraps; NaN becomes 0.
 *
 * <p>Blocking I/O: worker and disk threads, and an offline render's thread, never a real-time driver's RT.
 */
public final class WavWriter implements Closeable {

    private static final int BUFFER_FRAMES = 4096;
    /** The float samples interleaved at a time before they are copied into the buffer (at least a frame's). */
    private static final int INTERLEAVED = 1024;
    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL;

    private final FileChannel file;
    private final int sampleRate;
    private final int numChannels;
    private final WavFormat format;
    private final int headerBytes;
    private final ByteBuffer buffer;
    /** {@link #buffer} seen as floats (FLOAT only), and room to interleave samples in before they go into it. */
    private final FloatBuffer floats;
    private final float[] interleaved;
    private long frames;
    private boolean closed;

    private WavWriter(FileChannel file, int sampleRate, int numChannels, WavFormat format) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.numChannels = numChannels;
        this.format = format;
        headerBytes = headerBytes(format);
        buffer = ByteBuffer.allocate(BUFFER_FRAMES * frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
        boolean asFloats = format == WavFormat.FLOAT;
        floats = asFloats ? buffer.asFloatBuffer() : null; // little-endian, as the buffer was ordered first
        interleaved = asFloats ? new float[Math.max(INTERLEAVED, numChannels)] : null;
    }

    /** Creates (or truncates) {@code path} for 32-bit float samples. */
    public static WavWriter create(Path path, int sampleRate, int numChannels) throws IOException {
        return create(path, sampleRate, numChannels, WavFormat.FLOAT);
    }

    /** Creates (or truncates) {@code path}. */
    public static WavWriter create(Path path, int sampleRate, int numChannels, WavFormat format)
            throws IOException {
        if (sampleRate <= 0 || numChannels <= 0 || numChannels > 0xFFFF || format == null) {
            throw new IllegalArgumentException("bad WAV format: " + sampleRate + " Hz, " + numChannels
                    + " channels, " + format);
        }
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        WavWriter w = new WavWriter(file, sampleRate, numChannels, format);
        try {
            w.writeHeader(); // sizes are patched at close
            file.position(w.headerBytes);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        return w;
    }

    /** The most frames a file of this format and channel count holds (its RIFF size is 32 bits). */
    public static long maxFrames(WavFormat format, int numChannels) {
        long dataBytes = MAX_RIFF_SIZE - 1 - (headerBytes(format) - 8); // 1: room for a pad byte
        return dataBytes / ((long) format.bytesPerSample() * numChannels);
    }

    /** Appends frames {@code 0..count-1} of {@code block[channel]}. */
    public void write(float[][] block, int count) throws IOException {
        if (closed) {
            throw new IOException("WAV writer is closed");
        }
        if (block.length != numChannels) {
            throw new IllegalArgumentException(block.length + " channels, the file has " + numChannels);
        }
        long max = maxFrames(format, numChannels);
        if (frames + count > max) {
            throw new IOException("a WAV file holds at most 4 GiB of samples: " + max + " frames of "
                    + numChannels + " channels of " + format.label());
        }
        int frameBytes = frameBytes();
        int f = 0;
        while (f < count) {
            int room = buffer.remaining() / frameBytes;
            if (room == 0) {
                flush();
                continue;
            }
            int end = f + Math.min(room, count - f);
            if (format == WavFormat.FLOAT) {
                putFloats(block, f, end);
            } else {
                putPcm(block, f, end);
            }
            f = end;
        }
        frames += count;
    }

    /**
     * Frames {@code from..end-1} as floats, which fit in the buffer. Interleaved in a float
     * array first, then copied in bulk: putting the samples into the buffer one by one made a render's writes
     * take about 1.5 times as long.
     */
    private void putFloats(float[][] block, int from, int end) {
        int at = buffer.position();
        floats.position(at / Float.BYTES);
        int n = 0;
        for (int f = from; f < end; f++) {
            if (n + numChannels > interleaved.length) {
                floats.put(interleaved, 0, n);
                n = 0;
            }
            for (float[] channel : block) {
                interleaved[n++] = channel[f];
            }
        }
        floats.put(interleaved, 0, n);
        buffer.position(at + (end - from) * numChannels * Float.BYTES);
    }

    /** Frames {@code from..end-1} as PCM samples, which fit in the buffer. */
    private void putPcm(float[][] block, int from, int end) {
        for (int f = from; f < end; f++) {
            for (float[] channel : block) {
                if (format == WavFormat.INT16) {
                    buffer.putShort((short) pcm(channel[f], 32767));
                } else {
                    int s = pcm(channel[f], 8388607);
                    buffer.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                }
            }
        }
    }

    /** {@code x} clipped to [-1, 1], times {@code full}, rounded to nearest (halves up); NaN is 0. */
    static int pcm(float x, int full) {
        double clipped = Math.max(-1.0, Math.min(1.0, x));
        return (int) Math.round(clipped * full);
    }

    /** Frames written so far. */
    public long frames() {
        return frames;
    }

    public WavFormat format() {
        return format;
    }

    private int frameBytes() {
        return numChannels * format.bytesPerSample();
    }

    private static int headerBytes(WavFormat format) {
        return format == WavFormat.FLOAT ? 12 + (8 + 18) + (8 + 4) + 8 : 12 + (8 + 16) + 8;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
        buffer.clear();
    }

    private void writeHeader() throws IOException {
        long dataBytes = frames * frameBytes();
        int bytes = format.bytesPerSample();
        ByteBuffer h = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) (headerBytes - 8 + dataBytes + (dataBytes & 1))).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(format == WavFormat.FLOAT ? 18 : 16)
                .putShort((short) format.formatTag())
                .putShort((short) numChannels)
                .putInt(sampleRate)
                .putInt(sampleRate * numChannels * bytes) // byte rate
                .putShort((short) (numChannels * bytes)) // block align
                .putShort((short) (8 * bytes));
        if (format == WavFormat.FLOAT) {
            h.putShort((short) 0); // cbSize
            h.put(ascii("fact")).putInt(4).putInt((int) frames);
        }
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
            if ((frames * frameBytes() & 1) != 0) {
                buffer.put((byte) 0); // RIFF chunks have even sizes: odd 24-bit data gets a pad byte
                flush();
            }
            writeHeader();
        } finally {
            file.close();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
