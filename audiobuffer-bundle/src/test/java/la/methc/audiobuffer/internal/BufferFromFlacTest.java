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
import la.methc.testsupport.HandMadeFlac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /resource/new … i:id s:path} from FLAC files written bit by bit from the format specification
 * ({@link HandMadeFlac}): the buffer takes the channels, frames and rate of STREAMINFO and the samples written,
 * scaled by 1 / 2^(bits - 1); a corrupt frame is refused with its reason.
 */
class BufferFromFlacTest {

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

    static int[] ramp(int frames, int step, int offset, int bits) {
        int[] s = new int[frames];
        int half = 1 << (bits - 1);
        for (int i = 0; i < frames; i++) {
            s[i] = Math.floorMod(i * step + offset + half, 2 * half) - half; // wraps within the bit depth
        }
        return s;
    }

    /** 188 frames of 16: frame numbers from 128 on take two bytes of UTF-8; the last frame is short. */
    @Test
    void sixteenBitStereoIsExact() throws Exception {
        int[] left = ramp(3000, 7, -10000, 16);
        int[] right = ramp(3000, -1111, 20000, 16);
        HandMadeFlac.write(root.resolve("kit/st.flac"), 44100, 16, 16, false, left, right);
        AudioBuffer b = construct("kit/st.flac");
        assertEquals(2, b.numChannels());
        assertEquals(3000, b.numFrames());
        assertEquals(44100.0, b.sampleRate());
        for (int i = 0; i < 3000; i++) {
            assertEquals(left[i] / 32768f, b.data()[0][i], "left " + i);
            assertEquals(right[i] / 32768f, b.data()[1][i], "right " + i);
        }
        assertEquals(2L * 3000 * Float.BYTES, def.reservedBytes());
        def.destroy(host(), b);
        assertEquals(0, def.reservedBytes());
    }

    @Test
    void twentyFourBitMonoIsExactAndPartsOfItCanBeTaken() throws Exception {
        int[] s = ramp(5000, 3001, -8388608, 24);
        s[0] = -8388608;
        s[1] = 8388607;
        HandMadeFlac.write(root.resolve("m24.flac"), 96000, 24, 1152, false, s);
        AudioBuffer b = construct("m24.flac");
        assertEquals(1, b.numChannels());
        assertEquals(5000, b.numFrames());
        assertEquals(96000.0, b.sampleRate());
        for (int i = 0; i < 5000; i++) {
            assertEquals(s[i] / 8388608f, b.data()[0][i], "sample " + i);
        }
        AudioBuffer part = construct("m24.flac", 2000, 1500); // starts and ends inside frames
        assertEquals(1500, part.numFrames());
        for (int i = 0; i < 1500; i++) {
            assertEquals(s[2000 + i] / 8388608f, part.data()[0][i], "part " + i);
        }
    }

    /** 8-bit FLAC is signed, as every FLAC depth: -128 … 127 scaled by 1/128; 20-bit is refused by name. */
    @Test
    void eightBitIsReadAndTwentyBitIsRefused() throws Exception {
        int[] s = ramp(300, 1, -128, 8);
        HandMadeFlac.write(root.resolve("m8.flac"), 8000, 8, 64, false, s);
        AudioBuffer b = construct("m8.flac");
        assertEquals(8000.0, b.sampleRate());
        for (int i = 0; i < 300; i++) {
            assertEquals(s[i] / 128f, b.data()[0][i], "sample " + i);
        }
        HandMadeFlac.write(root.resolve("m20.flac"), 8000, 20, 64, false, ramp(300, 1000, 0, 20));
        assertEquals("cannot read m20.flac: FLAC of 20 bits per sample is not supported (8, 16 or 24)",
                refused("m20.flac"));
    }

    /** Frames whose channel holds one value are written as CONSTANT subframes, the others VERBATIM. */
    @Test
    void constantSubframesAreRead() throws Exception {
        int[] steps = new int[256];
        int[] silence = new int[256];
        for (int i = 0; i < 256; i++) {
            steps[i] = i < 64 ? 1234 : i < 128 ? -4321 : i - 200;
        }
        byte[] flac = HandMadeFlac.bytes(48000, 16, 64, true, steps, silence);
        Files.write(root.resolve("c.flac"), flac);
        AudioBuffer b = construct("c.flac");
        assertEquals(256, b.numFrames());
        for (int i = 0; i < 256; i++) {
            assertEquals(steps[i] / 32768f, b.data()[0][i], "steps " + i);
            assertEquals(0f, b.data()[1][i], "silence " + i);
        }
        // two frames of two CONSTANT subframes, two of VERBATIM and CONSTANT: smaller than all VERBATIM
        assertTrue(flac.length < HandMadeFlac.bytes(48000, 16, 64, false, steps, silence).length);
    }

    @Test
    void aCorruptFrameIsRefusedWithItsReasonAndNothingStaysReserved() throws Exception {
        byte[] flac = HandMadeFlac.bytes(48000, 16, 256, false, ramp(1024, 5, 0, 16));
        flac[flac.length - 600] ^= 0x10; // a sample in the third frame: its CRC-16 no longer matches
        Files.write(root.resolve("bad.flac"), flac);
        String why = refused("bad.flac");
        assertTrue(why.startsWith("cannot read bad.flac: corrupt FLAC frame at sample frame 512 (CRC Error"), why);
        assertEquals(0, def.reservedBytes());

        byte[] whole = HandMadeFlac.bytes(48000, 16, 256, false, ramp(1024, 5, 0, 16));
        Files.write(root.resolve("cut.flac"), java.util.Arrays.copyOf(whole, whole.length - 700));
        String cut = refused("cut.flac");
        assertTrue(cut.startsWith("cannot read cut.flac: corrupt FLAC frame at sample frame 512"), cut);
        assertEquals(0, def.reservedBytes());

        // cut where frame 2 starts (the file of its first 512 sample frames is that long): jflac ends quietly there
        int frameTwo = HandMadeFlac.bytes(48000, 16, 256, false, ramp(512, 5, 0, 16)).length;
        Files.write(root.resolve("between.flac"), java.util.Arrays.copyOf(whole, frameTwo));
        assertEquals("cannot read between.flac: corrupt FLAC frame at sample frame 512 (the file ends there, before"
                + " the 1024 sample frames its STREAMINFO gives)", refused("between.flac"));
        assertEquals(0, def.reservedBytes());

        // STREAMINFO of a stereo file (the 42 bytes up to the first frame), then the frames of a mono one
        byte[] stereo = HandMadeFlac.bytes(48000, 16, 256, false, ramp(1024, 5, 0, 16), ramp(1024, 3, 0, 16));
        byte[] spliced = whole.clone();
        System.arraycopy(stereo, 0, spliced, 0, 42);
        Files.write(root.resolve("spliced.flac"), spliced);
        assertEquals("cannot read spliced.flac: corrupt FLAC frame at sample frame 0 (1 channel(s) of 16 bits, where"
                + " STREAMINFO gives 2 of 16)", refused("spliced.flac"));
        assertEquals(0, def.reservedBytes());

        Files.write(root.resolve("head.flac"), java.util.Arrays.copyOf(whole, 20)); // inside STREAMINFO
        String head = refused("head.flac");
        assertEquals("cannot read head.flac: the FLAC file ends inside its metadata", head);
    }
}
