package la.methc.engine.internal.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import la.methc.api.wav.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {

    @TempDir
    Path dir;

    private static float[][] signal(int channels, int frames, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[channels][frames];
        for (float[] c : x) {
            for (int f = 0; f < frames; f++) {
                c[f] = (float) r.nextGaussian();
            }
        }
        float[] special = {0f, -0f, 1f, -1f, 2.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
                Float.NaN, 0.1f, 1e-30f};
        System.arraycopy(special, 0, x[0], 0, special.length);
        return x;
    }

    private static void assertBitsEqual(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c].length, actual[c].length);
            for (int f = 0; f < expected[c].length; f++) {
                assertEquals(Float.floatToRawIntBits(expected[c][f]), Float.floatToRawIntBits(actual[c][f]),
                        "channel " + c + " frame " + f);
            }
        }
    }

    @Test
    void roundTripIsExact() throws Exception {
        Path file = dir.resolve("x.wav");
        float[][] x = signal(3, 10007, 1);
        WavFile.write(file, 44100, x);
        WavFile.Audio a = WavFile.read(file);
        assertEquals(44100, a.sampleRate());
        assertEquals(3, a.numChannels());
        assertEquals(10007, a.frames());
        assertBitsEqual(x, a.channels());
    }

    @Test
    void streamedBlocksMakeOneFile() throws Exception {
        Path file = dir.resolve("s.wav");
        float[][] x = signal(2, 64 * 100, 2);
        float[][] block = new float[2][64];
        try (WavWriter w = WavWriter.create(file, 48000, 2)) {
            for (int b = 0; b < 100; b++) {
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(x[c], b * 64, block[c], 0, 64);
                }
                w.write(block, 64);
            }
            assertEquals(6400, w.frames());
        }
        assertBitsEqual(x, WavFile.read(file).channels());
    }

    @Test
    void theJdkReadsTheFile() throws Exception {
        Path file = dir.resolve("j.wav");
        float[][] x = {{0.5f, -0.25f, 1f}, {0.125f, 0f, -1f}};
        WavFile.write(file, 48000, x);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_FLOAT, f.getEncoding());
            assertEquals(2, f.getChannels());
            assertEquals(48000f, f.getSampleRate());
            assertEquals(32, f.getSampleSizeInBits());
            assertEquals(3, in.getFrameLength());
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] interleaved = new float[6];
            for (int i = 0; i < 6; i++) {
                interleaved[i] = b.getFloat();
            }
            assertArrayEquals(new float[] {0.5f, 0.125f, -0.25f, 0f, 1f, -1f}, interleaved);
        }
    }

    @Test
    void readsSixteenBitPcm() throws Exception {
        Path file = dir.resolve("p.wav");
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 16384).putShort((short) -32768).putShort((short) -16384).putShort((short) 0);
        AudioFormat f = new AudioFormat(22050f, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), f, 2), AudioFileFormat.Type.WAVE,
                file.toFile());
        WavFile.Audio a = WavFile.read(file);
        assertEquals(22050, a.sampleRate());
        assertArrayEquals(new float[] {0.5f, -0.5f}, a.channels()[0]);
        assertArrayEquals(new float[] {-1f, 0f}, a.channels()[1]);
    }
}
