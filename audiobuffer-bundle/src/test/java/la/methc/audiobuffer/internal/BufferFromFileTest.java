package la.methc.audiobuffer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /resource/new … i:id s:path}: a buffer of the file's shape and rate, from WAV files written by hand. */
class BufferFromFileTest {

    @TempDir
    Path root;

    private final AudioBufferDef def = new AudioBufferDef(AudioBufferDef.DEFAULT_MAX_BYTES);

    private Host host() {
        return FakeHost.withSampleRoot(root);
    }

    private AudioBuffer construct(Object... args) {
        return assertInstanceOf(AudioBuffer.class, def.construct(host(), OscArgs.of(args)));
    }

    private String refused(Object... args) {
        return assertThrows(IllegalArgumentException.class, () -> def.construct(host(), OscArgs.of(args)))
                .getMessage();
    }

    @Test
    void takesTheFilesChannelsFramesRateAndSamples() throws Exception {
        short[] left = HandMadeWav.ramp(3000, 7, -10000);
        short[] right = HandMadeWav.ramp(3000, -11, 20000);
        HandMadeWav.pcm16(root.resolve("kit/st.wav"), 22050, left, right);
        AudioBuffer b = construct("kit/st.wav");
        assertEquals(2, b.numChannels());
        assertEquals(3000, b.numFrames());
        assertEquals(22050.0, b.sampleRate());
        for (int i = 0; i < 3000; i++) {
            assertEquals(left[i] / 32768f, b.data()[0][i], "left " + i);
            assertEquals(right[i] / 32768f, b.data()[1][i], "right " + i);
        }
        assertEquals(2L * 3000 * Float.BYTES, def.reservedBytes());
        def.destroy(host(), b);
        assertEquals(0, def.reservedBytes());
    }

    @Test
    void aStartFrameAndAFrameCountTakePartOfTheFile() throws Exception {
        short[] s = HandMadeWav.ramp(1000, 3, 0);
        HandMadeWav.pcm16(root.resolve("m.wav"), 96000, s);
        AudioBuffer b = construct("m.wav", 100, 50);
        assertEquals(1, b.numChannels());
        assertEquals(50, b.numFrames());
        assertEquals(96000.0, b.sampleRate());
        for (int i = 0; i < 50; i++) {
            assertEquals(s[100 + i] / 32768f, b.data()[0][i]);
        }
        assertEquals(900, construct("m.wav", 100).numFrames());
        assertEquals(1000, construct("m.wav", 0, 5000).numFrames()); // no more than the file has
    }

    /** frames 0 (or less) reads to the end of the file, as scsynth's {@code /b_allocRead} does for 0. */
    @Test
    void framesZeroOrLessMeansAllOfThem() throws Exception {
        short[] s = HandMadeWav.ramp(1000, 3, 0);
        HandMadeWav.pcm16(root.resolve("m.wav"), 44100, s);
        AudioBuffer b = construct("m.wav", 100, 0);
        assertEquals(900, b.numFrames());
        assertEquals(s[999] / 32768f, b.data()[0][899]);
        assertEquals(1000, construct("m.wav", 0, 0).numFrames());
        assertEquals(990, construct("m.wav", 10, -1).numFrames());
    }

    @Test
    void refusalsNameTheirReason() throws Exception {
        assertTrue(refused("nope.wav").contains("nope.wav: no such file in the sample root"), refused("nope.wav"));
        Files.writeString(root.resolve("text.wav"), "this is not a sound file, only text in a .wav");
        assertTrue(refused("text.wav").contains("not a sound file the engine decodes"), refused("text.wav"));
        Files.createDirectories(root.resolve("dir"));
        assertTrue(refused("dir").contains("it is a directory"), refused("dir"));
        assertTrue(refused("../outside.wav").contains("outside the sample root"));
        HandMadeWav.pcm16(root.resolve("short.wav"), 48000, new short[10]);
        assertEquals("startFrame 10 is not before the end of short.wav (10 frames)", refused("short.wav", 10));
        assertEquals("startFrame must be at least 0, got -1", refused("short.wav", -1));
        assertTrue(refused("short.wav", 0, 1, 2).contains("expects s:path [i:startFrame [i:frames]]"));
        assertTrue(refused("short.wav", "x").startsWith("startFrame: argument 1: expected int"));
        assertEquals(0, def.reservedBytes());
    }

    @Test
    void theMemoryCapApplies() throws Exception {
        AudioBufferDef small = new AudioBufferDef(4000);
        HandMadeWav.pcm16(root.resolve("big.wav"), 48000, new short[1001]);
        String reason = assertThrows(IllegalArgumentException.class,
                () -> small.construct(host(), OscArgs.of("big.wav"))).getMessage();
        assertEquals("AudioBuffer of 1 channel x 1001 frames needs 4004 bytes, over the memory cap: 4000 of 4000"
                + " bytes remain", reason);
        assertEquals(0, small.reservedBytes());
        assertInstanceOf(AudioBuffer.class, small.construct(host(), OscArgs.of("big.wav", 0, 1000)));
        assertEquals(4000, small.reservedBytes());
    }
}
