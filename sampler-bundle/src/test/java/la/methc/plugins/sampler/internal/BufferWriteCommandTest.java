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

/** {@code /buffer/write}: a 32-bit float WAV that the JDK and {@code /buffer/read} read back exactly. */
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
    void anExistingFileIsReplaced() throws Exception {
        Files.writeString(root.resolve("x.wav"), "old");
        run(write, host(), new Object[] {new TestBuffer(48000, new float[] {0.5f, -0.5f})}, 1, "x.wav");
        Signals.assertSamples(new float[] {0.5f, -0.5f}, Commands.readWithJdk(root.resolve("x.wav"))[0], "x");
    }

    @Test
    void pathsOutsideTheRootAndDirectoriesAreRefused() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Commands.plan(write, host(), 1, "../x.wav"))
                .getMessage().contains("outside the sample root"));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(write, host(), 1, "x.wav", 3));
        Files.createDirectories(root.resolve("dir"));
        Exception e = assertThrows(java.io.IOException.class,
                () -> run(write, host(), new Object[] {TestBuffer.zeros(1, 4, 48000)}, 1, "dir"));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }
}
