package la.methc.api.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one WAV writer, checked against files spelled out byte by byte here from the RIFF/WAVE layout (not
 * from the writer), and against the JDK's reader.
 */
class WavWriterTest {

    @TempDir
    Path dir;

    /** Little-endian bytes, written by hand. */
    private static final class Bytes {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes ascii(String s) {
            for (char c : s.toCharArray()) {
                out.write(c);
            }
            return this;
        }

        Bytes u8(int... v) {
            for (int b : v) {
                out.write(b & 0xFF);
            }
            return this;
        }

        Bytes u16(int v) {
            return u8(v, v >> 8);
        }

        Bytes u32(long v) {
            return u8((int) v, (int) (v >> 8), (int) (v >> 16), (int) (v >> 24));
        }

        byte[] get() {
            return out.toByteArray();
        }
    }

    private Path write(WavFormat format, int rate, float[][] channels) throws Exception {
        Path file = dir.resolve(format.label() + ".wav");
        try (WavWriter w = WavWriter.create(file, rate, channels.length, format)) {
            w.write(channels, channels[0].length);
        }
        return file;
    }

    @Test
    void floatFilesKeepTheRenderLayout() throws Exception {
        // 2 channels, 2 frames: 16 data bytes; RIFF size 4 + 26 + 12 + 8 + 16 = 66
        Path file = write(WavFormat.FLOAT, 48000, new float[][] {{1f, -0.5f}, {0.25f, 2f}});
        byte[] expected = new Bytes()
                .ascii("RIFF").u32(66).ascii("WAVE")
                .ascii("fmt ").u32(18).u16(3).u16(2).u32(48000).u32(48000 * 8).u16(8).u16(32).u16(0)
                .ascii("fact").u32(4).u32(2)
                .ascii("data").u32(16)
                .u8(0x00, 0x00, 0x80, 0x3F).u8(0x00, 0x00, 0x80, 0x3E) // 1.0f, 0.25f
                .u8(0x00, 0x00, 0x00, 0xBF).u8(0x00, 0x00, 0x00, 0x40) // -0.5f, 2.0f (not clipped)
                .get();
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void int16IsCanonicalPcm() throws Exception {
        // 1 channel, 5 frames: 10 data bytes; RIFF size 4 + 24 + 8 + 10 = 46
        Path file = write(WavFormat.INT16, 44100, new float[][] {{1f, -1f, 0.5f, 3f, -7f}});
        byte[] expected = new Bytes()
                .ascii("RIFF").u32(46).ascii("WAVE")
                .ascii("fmt ").u32(16).u16(1).u16(1).u32(44100).u32(44100 * 2).u16(2).u16(16)
                .ascii("data").u32(10)
                .u16(32767).u16(-32767).u16(16384) // 0.5 * 32767 = 16383.5, rounded to nearest (up)
                .u16(32767).u16(-32767) // clipped
                .get();
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void int24OfOddSizeIsPadded() throws Exception {
        // 1 channel, 3 frames: 9 data bytes and a pad byte; RIFF size 4 + 24 + 8 + 9 + 1 = 46
        Path file = write(WavFormat.INT24, 96000, new float[][] {{1f, -0.25f, -2f}});
        byte[] expected = new Bytes()
                .ascii("RIFF").u32(46).ascii("WAVE")
                .ascii("fmt ").u32(16).u16(1).u16(1).u32(96000).u32(96000 * 3).u16(3).u16(24)
                .ascii("data").u32(9)
                .u8(0xFF, 0xFF, 0x7F) // 8388607
                .u8(0x00, 0x00, 0xE0) // -0.25 * 8388607 = -2097151.75 -> -2097152 = 0xE00000
                .u8(0x01, 0x00, 0x80) // clipped to -8388607 = 0x800001
                .u8(0) // pad
                .get();
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void pcmRoundsToNearestAndClipsNan() {
        assertEquals(0, WavWriter.pcm(Float.NaN, 32767));
        assertEquals(32767, WavWriter.pcm(Float.POSITIVE_INFINITY, 32767));
        assertEquals(-8388607, WavWriter.pcm(Float.NEGATIVE_INFINITY, 8388607));
        assertEquals(3, WavWriter.pcm(2.6f / 32767, 32767));
        assertEquals(-3, WavWriter.pcm(-2.6f / 32767, 32767));
        assertEquals(2, WavWriter.pcm(2.4f / 32767, 32767));
    }

    @Test
    void theJdkReadsBackInt16() throws Exception {
        roundTrip(WavFormat.INT16, 16, 32767);
    }

    @Test
    void theJdkReadsBackInt24() throws Exception {
        roundTrip(WavFormat.INT24, 24, 8388607);
    }

    /**
     * Float samples past the writer's buffer, three channels in a block of 1,500 frames (more than the writer
     * interleaves at a time) and then blocks of 64 and 31: the data chunk is every frame's samples in channel order,
     * each the float's bits as 4 little-endian bytes, spelled out here.
     */
    @Test
    void floatsPastTheBufferAreEveryFrameInOrder() throws Exception {
        int channels = 3;
        int frames = 10_007;
        float[][] x = new float[channels][frames];
        java.util.Random r = new java.util.Random(11);
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < frames; f++) {
                x[c][f] = (float) r.nextGaussian();
            }
        }
        Path file = dir.resolve("floats.wav");
        try (WavWriter w = WavWriter.create(file, 48000, channels)) {
            float[][] block = new float[channels][1500];
            int at = 0;
            for (int i = 0; at < frames; i++) {
                int n = Math.min(i == 0 ? 1500 : i % 2 == 0 ? 64 : 31, frames - at);
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(x[c], at, block[c], 0, n);
                }
                w.write(block, n);
                at += n;
            }
        }
        Bytes data = new Bytes();
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                data.u32(Float.floatToRawIntBits(x[c][f]) & 0xFFFF_FFFFL);
            }
        }
        byte[] written = Files.readAllBytes(file);
        byte[] want = data.get();
        assertEquals(58 + want.length, written.length);
        assertArrayEquals(want, java.util.Arrays.copyOfRange(written, 58, written.length));
    }

    /** Stereo noise in blocks through the writer, decoded by {@code AudioSystem}, within half a step. */
    private void roundTrip(WavFormat format, int bits, int full) throws Exception {
        int frames = 10007; // more than the writer's buffer, odd
        float[][] x = new float[2][frames];
        java.util.Random r = new java.util.Random(7);
        for (int f = 0; f < frames; f++) {
            x[0][f] = (float) (r.nextDouble() * 2.4 - 1.2); // some clip
            x[1][f] = (float) Math.sin(f * 0.01) * 0.5f;
        }
        Path file = dir.resolve("rt.wav");
        try (WavWriter w = WavWriter.create(file, 22050, 2, format)) {
            float[][] block = new float[2][64];
            for (int at = 0; at < frames; at += 61) {
                int n = Math.min(61, frames - at); // 4096 is no multiple of 61: a write crosses a flush
                System.arraycopy(x[0], at, block[0], 0, n);
                System.arraycopy(x[1], at, block[1], 0, n);
                w.write(block, n);
            }
            assertEquals(frames, w.frames());
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
            assertEquals(bits, f.getSampleSizeInBits());
            assertEquals(2, f.getChannels());
            assertEquals(22050f, f.getSampleRate());
            assertTrue(!f.isBigEndian());
            assertEquals(frames, in.getFrameLength());
            byte[] data = in.readAllBytes();
            int bytes = bits / 8;
            assertEquals(frames * 2 * bytes, data.length);
            for (int i = 0; i < frames * 2; i++) {
                int v = 0;
                for (int b = bytes - 1; b >= 0; b--) {
                    v = (v << 8) | (data[i * bytes + b] & 0xFF);
                }
                v = v << (32 - bits) >> (32 - bits); // sign-extend
                double want = Math.max(-1, Math.min(1, x[i % 2][i / 2]));
                assertEquals(want * full, v, 0.5 + 1e-6, "sample " + i);
            }
        }
    }

    @Test
    void formatsAreNamedAndOthersRefused() {
        assertEquals(WavFormat.FLOAT, WavFormat.named("float"));
        assertEquals(WavFormat.INT16, WavFormat.named("int16"));
        assertEquals(WavFormat.INT24, WavFormat.named("int24"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WavFormat.named("int8"));
        assertEquals("unknown WAV format \"int8\": allowed are float, int16, int24", e.getMessage());
    }

    @Test
    void badArgumentsAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> WavWriter.create(dir.resolve("a"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.create(dir.resolve("b"), 48000, 1, null));
        try (WavWriter w = WavWriter.create(dir.resolve("c"), 48000, 2, WavFormat.INT16)) {
            assertThrows(IllegalArgumentException.class, () -> w.write(new float[1][4], 4));
        }
        assertEquals((0xFFFF_FFFFL - 1 - 36) / 6, WavWriter.maxFrames(WavFormat.INT24, 2));
    }
}
