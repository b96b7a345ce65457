package la.methc.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads a 32-bit float or 16-bit WAV file into planar samples with javax.sound. */
final class Wav {

    private Wav() {
    }

    /** Waits up to {@code ms} for {@code file} (a render moves it into place when complete) and reads it. */
    static float[][] await(Path file, long ms) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (true) {
            try {
                if (Files.exists(file)) {
                    return read(file);
                }
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new UncheckedIOException(e);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no render at " + file + " within " + ms + " ms");
            }
            Thread.sleep(50);
        }
    }

    static float[][] read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            int channels = f.getChannels();
            int bytes = f.getSampleSizeInBits() / 8;
            ByteBuffer data = ByteBuffer.wrap(in.readAllBytes())
                    .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int frames = data.remaining() / (bytes * channels);
            float[][] out = new float[channels][frames];
            boolean floats = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    out[c][i] = floats ? data.getFloat() : data.getShort() / 32768f;
                }
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
