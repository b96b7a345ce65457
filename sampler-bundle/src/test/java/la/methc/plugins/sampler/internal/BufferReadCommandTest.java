package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Commands.pcm16Ramp;
import static la.methc.plugins.sampler.internal.Commands.run;
import static la.methc.plugins.sampler.internal.Commands.writeWithJdk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import la.methc.api.CommandPlan;
import la.methc.testsupport.HandMadeFlac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /buffer/read}: files the JDK wrote, read back into AudioBuffers exactly (or within 1/32768). */
class BufferReadCommandTest {

    private static final AudioFileFormat.Type WAV = AudioFileFormat.Type.WAVE;
    private static final AudioFileFormat.Type AIFF = AudioFileFormat.Type.AIFF;

    @TempDir
    Path root;

    private final BufferReadCommand read = new BufferReadCommand();

    private FakeHost host() {
        return new FakeHost(48000, 64, root);
    }

    @Test
    void thePlanWritesTheBufferWithoutExclusivity() throws Exception {
        CommandPlan plan = Commands.plan(read, host(), 3, "a.wav");
        assertEquals(3, plan.id());
        assertArrayEquals(new int[] {3}, plan.resources());
        assertArrayEquals(new boolean[] {true}, plan.writes());
        assertFalse(plan.exclusive());
        assertEquals("/buffer/read", read.address());
    }

    @Test
    void sixteenBitWavAndAiffAreExact() throws Exception {
        float[] left = pcm16Ramp(3000, 1);
        float[] right = pcm16Ramp(3000, 2);
        for (AudioFileFormat.Type type : new AudioFileFormat.Type[] {WAV, AIFF}) {
            String name = "s16." + type.getExtension();
            writeWithJdk(root.resolve(name), type, 16, false, type == AIFF, 48000, left, right);
            TestBuffer buf = TestBuffer.zeros(2, 3000, 48000);
            assertNull(run(read, host(), new Object[] {buf}, 1, name));
            Signals.assertSamples(left, buf.data()[0], type + " left");
            Signals.assertSamples(right, buf.data()[1], type + " right");
        }
    }

    /** FLAC written bit by bit from the specification (not by jflac): 16-bit stereo and 24-bit mono, exact. */
    @Test
    void flacIsExactAndPositionsSelectWhatIsRead() throws Exception {
        int[] left = new int[2000];
        int[] right = new int[2000];
        int[] mono = new int[2000];
        for (int i = 0; i < 2000; i++) {
            left[i] = (i * 37) % 65536 - 32768;
            right[i] = 32767 - (i * 53) % 65536;
            mono[i] = i * 4093 - 4_000_000;
        }
        HandMadeFlac.write(root.resolve("s16.flac"), 48000, 16, 576, false, left, right);
        TestBuffer st = TestBuffer.zeros(2, 2000, 48000);
        assertNull(run(read, host(), new Object[] {st}, 1, "s16.flac"));
        for (int i = 0; i < 2000; i++) {
            assertEquals(left[i] / 32768f, st.data()[0][i], "left " + i);
            assertEquals(right[i] / 32768f, st.data()[1][i], "right " + i);
        }
        HandMadeFlac.write(root.resolve("m24.flac"), 48000, 24, 576, false, mono);
        TestBuffer m = TestBuffer.zeros(1, 1000, 48000);
        assertNull(run(read, host(), new Object[] {m}, 1, "m24.flac", 700, 300, 100)); // file 700… into buf 100…
        for (int i = 0; i < 1000; i++) {
            float want = i >= 100 && i < 400 ? mono[600 + i] / 8388608f : 0f;
            assertEquals(want, m.data()[0][i], "mono " + i);
        }
    }

    /**
     * A FLAC file cut where a frame starts: jflac ends there without a word, so only STREAMINFO's count of sample
     * frames tells; the read is refused rather than leave the buffer's tail as it was.
     */
    @Test
    void aFlacFileCutBetweenFramesIsRefused() throws Exception {
        int[] samples = new int[768];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (i * 37) % 2000 - 1000;
        }
        byte[] whole = HandMadeFlac.bytes(48000, 16, 256, false, samples);
        // the first two frames are the same bytes in a file of 512 sample frames: its length is where frame 2 starts
        int frameTwo = HandMadeFlac.bytes(48000, 16, 256, false, java.util.Arrays.copyOf(samples, 512)).length;
        Files.write(root.resolve("cut.flac"), java.util.Arrays.copyOf(whole, frameTwo));
        TestBuffer buf = TestBuffer.zeros(1, 768, 48000);
        IOException cut = assertThrows(IOException.class, () -> run(read, host(), new Object[] {buf}, 1, "cut.flac"));
        assertEquals("cannot read cut.flac: corrupt FLAC frame at sample frame 512 (the file ends there, before the"
                + " 768 sample frames its STREAMINFO gives)", cut.getMessage());
        // what is there can still be read
        TestBuffer head = TestBuffer.zeros(1, 512, 48000);
        assertNull(run(read, host(), new Object[] {head}, 1, "cut.flac", 0, 512));
        assertEquals(samples[511] / 32768f, head.data()[0][511]);
    }

    /** Frames of another layout than STREAMINFO's would be read as garbage: the read is refused instead. */
    @Test
    void flacFramesOfAnotherLayoutThanStreamInfoAreRefused() throws Exception {
        int[] samples = new int[512];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i;
        }
        byte[] mono = HandMadeFlac.bytes(48000, 16, 256, false, samples);
        byte[] stereo = HandMadeFlac.bytes(48000, 16, 256, false, samples, samples);
        System.arraycopy(stereo, 0, mono, 0, 42); // fLaC and a stereo STREAMINFO, then mono frames
        Files.write(root.resolve("spliced.flac"), mono);
        TestBuffer buf = TestBuffer.zeros(2, 512, 48000);
        IOException e = assertThrows(IOException.class,
                () -> run(read, host(), new Object[] {buf}, 1, "spliced.flac"));
        assertEquals("cannot read spliced.flac: corrupt FLAC frame at sample frame 0 (1 channel(s) of 16 bits, where"
                + " STREAMINFO gives 2 of 16)", e.getMessage());
    }

    @Test
    void floatWavIsExact() throws Exception {
        float[] s = Signals.noise(7, 5000);
        s[10] = 1.5f; // floats are not clipped
        s[11] = -0f;
        writeWithJdk(root.resolve("f32.wav"), WAV, 32, true, false, 44100, s);
        TestBuffer buf = TestBuffer.zeros(1, 5000, 48000);
        run(read, host(), new Object[] {buf}, 1, "f32.wav");
        Signals.assertSamples(s, buf.data()[0], "float wav");
    }

    @Test
    void eightTwentyFourAndThirtyTwoBitPcmAreWithinOneSixteenBitStep() throws Exception {
        float[] s = Signals.noise(3, 2000);
        for (int bits : new int[] {8, 24, 32}) {
            for (AudioFileFormat.Type type : new AudioFileFormat.Type[] {WAV, AIFF}) {
                String name = "p" + bits + "." + type.getExtension();
                writeWithJdk(root.resolve(name), type, bits, false, type == AIFF, 48000, s);
                TestBuffer buf = TestBuffer.zeros(1, 2000, 48000);
                run(read, host(), new Object[] {buf}, 1, name);
                double tolerance = bits == 8 ? 1.0 / 128 : 1.0 / 32768;
                for (int i = 0; i < s.length; i++) {
                    assertEquals(s[i], buf.data()[0][i], tolerance, name + " frame " + i);
                }
            }
        }
    }

    @Test
    void positionsAndCountsSelectWhatIsReadAndTheRestIsLeftAlone() throws Exception {
        float[] s = pcm16Ramp(1000, 5);
        writeWithJdk(root.resolve("r.wav"), WAV, 16, false, false, 48000, s);
        TestBuffer buf = new TestBuffer(48000, Signals.of(500, i -> 0.25));
        run(read, host(), new Object[] {buf}, 4, "r.wav", 100, 50, 10);
        float[] b = buf.data()[0];
        for (int i = 0; i < 500; i++) {
            float expected = i >= 10 && i < 60 ? s[100 + i - 10] : 0.25f;
            assertEquals(expected, b[i], 0, "frame " + i);
        }
        // frames -1: as many as fit; a file shorter than the buffer fills only its part
        TestBuffer big = new TestBuffer(48000, Signals.of(1500, i -> 0.5));
        run(read, host(), new Object[] {big}, 4, "r.wav", 900, -1, 0);
        for (int i = 0; i < 1500; i++) {
            assertEquals(i < 100 ? s[900 + i] : 0.5f, big.data()[0][i], 0, "frame " + i);
        }
        // a buffer shorter than the file takes what fits
        TestBuffer small = TestBuffer.zeros(1, 300, 48000);
        run(read, host(), new Object[] {small}, 4, "r.wav");
        Signals.assertSamples(java.util.Arrays.copyOf(s, 300), small.data()[0], "fits");
    }

    @Test
    void extraFileChannelsAreDroppedMissingOnesLeftAlone() throws Exception {
        float[] l = pcm16Ramp(200, 1);
        float[] r = pcm16Ramp(200, 2);
        writeWithJdk(root.resolve("st.wav"), WAV, 16, false, false, 48000, l, r);
        TestBuffer mono = TestBuffer.zeros(1, 200, 48000);
        run(read, host(), new Object[] {mono}, 1, "st.wav");
        Signals.assertSamples(l, mono.data()[0], "left only");
        writeWithJdk(root.resolve("mono.wav"), WAV, 16, false, false, 48000, l);
        TestBuffer quad = new TestBuffer(48000, new float[200], Signals.of(200, i -> 0.75), new float[200],
                new float[200]);
        run(read, host(), new Object[] {quad}, 1, "mono.wav");
        Signals.assertSamples(l, quad.data()[0], "channel 0");
        for (float v : quad.data()[1]) {
            assertEquals(0.75f, v);
        }
    }

    @Test
    void subdirectoriesOfTheRootWork() throws Exception {
        Files.createDirectories(root.resolve("drums/kit"));
        writeWithJdk(root.resolve("drums/kit/k.aif"), AIFF, 16, false, true, 48000, pcm16Ramp(64, 9));
        TestBuffer buf = TestBuffer.zeros(1, 64, 48000);
        run(read, host(), new Object[] {buf}, 1, "drums/kit/k.aif");
        Signals.assertSamples(pcm16Ramp(64, 9), buf.data()[0], "k.aif");
    }

    @Test
    void badArgumentsAreRefusedByThePlan() {
        FakeHost h = host();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Commands.plan(read, h, 1))
                .getMessage().contains("i:id s:path"));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(read, h, 1, "a.wav", 0, -1, 0, 9));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(read, h, "a.wav", 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Commands.plan(read, h, 1, "a.wav", -1))
                .getMessage().contains("fileStartFrame must be at least 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Commands.plan(read, h, 1, "a.wav", 0, -2))
                .getMessage().contains("frames must be at least -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Commands.plan(read, h, 1, "../a.wav"))
                .getMessage().contains("outside the sample root"));
    }

    @Test
    void fileProblemsAreTheTasksErrors() throws Exception {
        TestBuffer buf = TestBuffer.zeros(1, 100, 48000);
        Object[] bodies = {buf};
        Exception missing = assertThrows(NoSuchFileException.class, () -> run(read, host(), bodies, 1, "nope.wav"));
        assertTrue(missing.getMessage().contains("nope.wav"), missing.getMessage());
        Files.writeString(root.resolve("text.wav"), "this is not a sound file");
        Exception text = assertThrows(IllegalArgumentException.class, () -> run(read, host(), bodies, 1, "text.wav"));
        assertTrue(text.getMessage().contains("not a sound file"), text.getMessage());
        Files.write(root.resolve("fake.flac"), new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 34});
        Exception flac = assertThrows(IllegalArgumentException.class, () -> run(read, host(), bodies, 1, "fake.flac"));
        assertEquals("cannot read fake.flac: the FLAC file ends inside its metadata", flac.getMessage());
        writeWithJdk(root.resolve("short.wav"), WAV, 16, false, false, 48000, new float[10]);
        Exception beyond = assertThrows(IllegalArgumentException.class,
                () -> run(read, host(), bodies, 1, "short.wav", 11));
        assertTrue(beyond.getMessage().contains("beyond the end"), beyond.getMessage());
        Exception bufBeyond = assertThrows(IllegalArgumentException.class,
                () -> run(read, host(), bodies, 1, "short.wav", 0, -1, 100));
        assertTrue(bufBeyond.getMessage().contains("beyond the buffer's 100 frames"), bufBeyond.getMessage());
        Exception notABuffer = assertThrows(IllegalArgumentException.class,
                () -> run(read, host(), new Object[] {"a string body"}, 1, "short.wav"));
        assertEquals("resource 1 is not an AudioBuffer", notABuffer.getMessage());
    }

    @Test
    void aFileAtAnotherRateIsReadAsItIsAndTheBufferKeepsItsRateWithAWarning() throws Exception {
        float[] s = pcm16Ramp(100, 3);
        writeWithJdk(root.resolve("slow.wav"), WAV, 16, false, false, 22050, s);
        TestBuffer buf = TestBuffer.zeros(1, 100, 48000);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertNull(run(read, host(), new Object[] {buf}, 6, "slow.wav"));
        } finally {
            System.setErr(err);
        }
        Signals.assertSamples(s, buf.data()[0], "no resampling");
        assertEquals(48000.0, buf.sampleRate());
        String text = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("WARN") && text.contains("/buffer/read 6: slow.wav is at 22050.0 Hz, the buffer at"
                + " 48000.0 Hz"), text);
    }
}
