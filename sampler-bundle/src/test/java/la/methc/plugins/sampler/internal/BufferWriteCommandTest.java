package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Commands.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import la.methc.api.CommandPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /buffer/write}: a 32-bit float WAV that the JDK and {@code /buffer/read} read back exactly, or 16- or
 * 24-bit PCM (the writer's own byte-by-byte tests are the API bundle's {@code WavWriterTest}).
 */
class BufferWriteCommandTest {

    @TempDir
    Path root;

    private final BufferWriteCommand write = new BufferWriteCommand();

    private FakeHost host() {
        return new FakeHost(48000, 64, root);
    }

    @Test
    void thePlanReadsTheBuffer() {
        CommandPlan plan = Commands.plan(write, host(), 2, "out.wav");
        assertEquals(2, plan.id());
        assertArrayEquals(new int[] {2}, plan.resources());
        assertArrayEquals(new boolean[] {false}, plan.writes());
        assertFalse(plan.exclusive());
    }

    @Test
    void writtenFloatsReadBackExactly() throws Exception {
        float[] l = Signals.noise(1, 10000);
        float[] r = Signals.noise(2, 10000);
        l[0] = 2.5f; // no clipping
        r[1] = -0f;
        r[2] = Float.MIN_VALUE;
        TestBuffer buf = new TestBuffer(44100, l, r);
        assertNull(run(write, host(), new Object[] {buf}, 2, "takes/one/out.wav"));
        Path file = root.resolve("takes/one/out.wav");
        assertTrue(Files.isRegularFile(file), "parent directories were created");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_FLOAT, f.getEncoding());
            assertEquals(32, f.getSampleSizeInBits());
            assertEquals(2, f.getChannels());
            assertEquals(44100f, f.getSampleRate());
            assertEquals(10000, in.getFrameLength());
        }
        float[][] jdk = Commands.readWithJdk(file);
        Signals.assertSamples(l, jdk[0], "left (JDK)");
        Signals.assertSamples(r, jdk[1], "right (JDK)");
        TestBuffer back = TestBuffer.zeros(2, 10000, 44100);
        run(new BufferReadCommand(), host(), new Object[] {back}, 3, "takes/one/out.wav");
        Signals.assertSamples(l, back.data()[0], "left (/buffer/read)");
        Signals.assertSamples(r, back.data()[1], "right (/buffer/read)");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void int16AndInt24AreWrittenAsPcm() throws Exception {
        TestBuffer buf = new TestBuffer(48000, new float[] {0.5f, -1.5f, 1f}, new float[] {-0.25f, 0f, 2f});
        assertNull(run(write, host(), new Object[] {buf}, 4, "p16.wav", "int16"));
        byte[] b16 = Files.readAllBytes(root.resolve("p16.wav"));
        assertEquals(44 + 12, b16.length);
        assertEquals(1, b16[20]); // format tag 1, PCM
        assertEquals(16, b16[34]); // bits per sample
        // frames interleaved L R: 16384 (0.5 * 32767 rounded), -8192 (-8191.75), -32767 (clipped), 0, 32767, 32767
        assertArrayEquals(new byte[] {0x00, 0x40, 0x00, (byte) 0xE0, 0x01, (byte) 0x80, 0x00, 0x00,
            (byte) 0xFF, 0x7F, (byte) 0xFF, 0x7F}, java.util.Arrays.copyOfRange(b16, 44, 56));
        assertNull(run(write, host(), new Object[] {buf}, 4, "p24.wav", "int24"));
        byte[] b24 = Files.readAllBytes(root.resolve("p24.wav"));
        assertEquals(44 + 18, b24.length);
        assertEquals(24, b24[34]);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(root.resolve("p24.wav").toFile())) {
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, in.getFormat().getEncoding());
            assertEquals(24, in.getFormat().getSampleSizeInBits());
            assertEquals(3, in.getFrameLength());
        }
        assertNull(run(write, host(), new Object[] {buf}, 4, "f.wav", "float"));
        assertEquals(3, Files.readAllBytes(root.resolve("f.wav"))[20], "format tag 3, IEEE float");
    }

    @Test
    void unknownFormatsAreRefusedWithTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Commands.plan(write, host(), 1, "x.wav", "int32"));
        assertEquals("unknown WAV format \"int32\": allowed are float, int16, int24", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Commands.plan(write, host(), 1, "x.wav", 16));
        assertTrue(e.getMessage().contains("float, int16, int24"), e.getMessage());
    }

    @Test
    void anExistingFileIsReplaced() throws Exception {
        Files.writeString(root.resolve("x.wav"), "old");
        run(write, host(), new Object[] {new TestBuffer(48000, new float[] {0.5f, -0.5f})}, 1, "x.wav");
        Signals.assertSamples(new float[] {0.5f, -0.5f}, Commands.readWithJdk(root.resolve("x.wav"))[0], "x");
    }

    @Test
    void pathsOutsideTheRootAndDirectoriesAreRefused() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Commands.plan(write, host(), 1, "../x.wav"))
                .getMessage().contains("outside the sample root"));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(write, host(), 1, "x.wav", "float", 3));
        Files.createDirectories(root.resolve("dir"));
        Exception e = assertThrows(java.io.IOException.class,
                () -> run(write, host(), new Object[] {TestBuffer.zeros(1, 4, 48000)}, 1, "dir"));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }
}
