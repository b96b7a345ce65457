package la.methc.audiobuffer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WAV files written byte by byte from the RIFF/WAVE layout (a 12-byte RIFF header, a 16-byte "fmt " chunk, a
 * "data" chunk of interleaved little-endian samples), not with the code under test nor with javax.sound.
 */
final class HandMadeWav {

    private HandMadeWav() {
    }

    /** 16-bit PCM; {@code samples[c][i]} as the integers written. */
    static void pcm16(Path file, int rate, short[]... samples) throws IOException {
        int channels = samples.length;
        int frames = samples[0].length;
        int dataBytes = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1); // WAVE_FORMAT_PCM
        b.putShort((short) channels).putInt(rate).putInt(rate * channels * 2);
        b.putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            for (short[] c : samples) {
                b.putShort(c[i]);
            }
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }

    /** {@code frames} values i·step + offset, wrapped to 16 bits. */
    static short[] ramp(int frames, int step, int offset) {
        short[] s = new short[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (short) (i * step + offset);
        }
        return s;
    }
}
