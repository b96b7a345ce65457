package la.methc.itests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WAV files written byte by byte from the RIFF/WAVE layout (a 12-byte RIFF header, a 16-byte "fmt " chunk of
 * WAVE_FORMAT_PCM, a "data" chunk of interleaved little-endian 16-bit samples), not with javax.sound nor with
 * the engine's code.
 */
final class HandMadeWav {

    private HandMadeWav() {
    }

    /** One channel of {@code frames} frames at {@code rate}, every sample {@code value}. */
    static void constant(Path file, int rate, int frames, short value) throws IOException {
        int dataBytes = frames * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
        b.putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            b.putShort(value);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }
}
