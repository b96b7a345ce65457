package la.methc.engine.internal.driver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import la.methc.api.wav.WavWriter;

/**
 * WAV files of 32-bit float samples ({@code WAVE_FORMAT_IEEE_FLOAT}), so rendered values come back exactly.
 * Writing is the API bundle's {@link WavWriter} (the one WAV writer, shared with the sampler's
 * {@code /buffer/write}); {@link #write} is a whole-file shortcut to it.
 *
 * <p>The reader is for tests and tools: 32-bit float and 16-bit PCM, plain or {@code WAVE_FORMAT_EXTENSIBLE}.
 */
public final class WavFile {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

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
        try (WavWriter w = WavWriter.create(path, sampleRate, channels.length)) {
            w.write(channels, frames);
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
