package la.methc.plugins.asrenvelope.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

class AsrEnvelopeTest {

    /** 1 frame per millisecond, so seconds map to frames by eye. */
    private static final double SR = 1000;
    private static final int BLOCK = 10;

    private static float[] ones(int frames) {
        float[] x = new float[frames];
        Arrays.fill(x, 1f);
        return x;
    }

    /** attack 20 frames, sustain 30, level 0.5, release 40: silent from frame 90 on. */
    private static BlockRunner runner() {
        return BlockRunner.of(new AsrEnvelopeSynthDef(), OscArgs.of(0.02f, 0.03f, 0.5f, 0.04f), SR, BLOCK)
                .audioInput(0, ones(1000));
    }

    @Test
    void uri() {
        assertEquals("http://methc.la/plugins/asr-envelope", new AsrEnvelopeSynthDef().uri());
    }

    @Test
    void envelopeValuesAtKnownFrames() {
        BlockRunner r = runner();
        float[] out = r.run(12)[0];
        assertEquals(0f, out[0], 1e-7);
        assertEquals(0.025f, out[1], 1e-7);
        assertEquals(0.25f, out[10], 1e-7);
        assertEquals(0.475f, out[19], 1e-7);
        assertEquals(0.5f, out[20], 1e-7);   // sustain begins
        assertEquals(0.5f, out[49], 1e-7);   // sustain ends
        assertEquals(0.5f, out[50], 1e-7);   // release begins at level
        assertEquals(0.375f, out[60], 1e-7); // a quarter of the release
        assertEquals(0.0125f, out[89], 1e-7); // last release frame
        for (int n = 0; n < 90; n++) {
            double expected = n < 20 ? 0.5 * n / 20 : n < 50 ? 0.5 : 0.5 * (90 - n) / 40;
            assertEquals(expected, out[n], 1e-6, "frame " + n);
        }
        for (int n = 90; n < out.length; n++) {
            assertEquals(0f, out[n], "frame " + n);
        }
    }

    @Test
    void doneOnceInTheBlockOfTheLastReleaseFrameThenSilence() {
        BlockRunner r = runner();
        r.run(8);
        assertEquals(0, r.doneCount());
        r.run(1); // frames 80..89
        assertEquals(List.of(8L), r.doneBlocks());
        // the engine may keep processing it (done flags without free self): silence, no second done
        float[] after = r.run(20)[0];
        assertEquals(0.0, Arrays.stream(toDoubles(after)).map(Math::abs).max().orElseThrow());
        assertEquals(1, r.doneCount());
    }

    @Test
    void multipliesTheInput() {
        float[] in = new float[200];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(i * 0.37) - 0.2f;
        }
        BlockRunner r = BlockRunner.of(new AsrEnvelopeSynthDef(), OscArgs.of(0.02f, 0.03f, 0.5f, 0.04f), SR, BLOCK)
                .audioInput(0, in);
        float[] out = r.run(12)[0];
        for (int n = 0; n < out.length; n++) {
            double gain = n < 20 ? 0.5 * n / 20 : n < 50 ? 0.5 : n < 90 ? 0.5 * (90 - n) / 40 : 0;
            assertEquals(in[n] * gain, out[n], 1e-6, "frame " + n);
        }
    }

    @Test
    void startOffsetShiftsTheEnvelope() {
        BlockRunner r = runner();
        float[] out = r.run(12, 5)[0];
        for (int n = 0; n < 5; n++) {
            assertEquals(0f, out[n]);
        }
        assertEquals(0f, out[5], 1e-7);
        assertEquals(0.5f, out[25], 1e-7);
        assertEquals(0.0125f, out[94], 1e-7);
        assertEquals(0f, out[95]);
        assertEquals(List.of(9L), r.doneBlocks()); // frame 94 is in block 9
    }

    @Test
    void zeroDurationsAreAllowed() {
        // no attack: the first frame is at level; no release: silent right after the sustain
        BlockRunner r = BlockRunner.of(new AsrEnvelopeSynthDef(), OscArgs.of(0f, 0.015f, 0.8f, 0f), SR, BLOCK)
                .audioInput(0, ones(100));
        float[] out = r.run(3)[0];
        for (int n = 0; n < 30; n++) {
            assertEquals(n < 15 ? 0.8f : 0f, out[n], "frame " + n);
        }
        assertEquals(List.of(1L), r.doneBlocks());

        BlockRunner empty = BlockRunner.of(new AsrEnvelopeSynthDef(), OscArgs.of(0f, 0f, 1f, 0f), SR, BLOCK)
                .audioInput(0, ones(100));
        assertEquals(0.0, Arrays.stream(toDoubles(empty.run(2)[0])).map(Math::abs).max().orElseThrow());
        assertEquals(List.of(0L), empty.doneBlocks());
    }

    @Test
    void defaults() {
        // attack 0.01 s, sustain 1 s, level 1, release 0.1 s: 1110 frames at 1 kHz
        BlockRunner r = BlockRunner.of(new AsrEnvelopeSynthDef(), OscArgs.empty(), SR, BLOCK).audioInput(0, ones(2000));
        float[] out = r.run(120)[0];
        assertEquals(0.5f, out[5], 1e-6);
        assertEquals(1f, out[10]);
        assertEquals(1f, out[1009]);
        assertEquals(0.01f, out[1109], 1e-6);
        assertEquals(0f, out[1110]);
        assertEquals(List.of(110L), r.doneBlocks());
    }

    @Test
    void durationsAreRoundedToFramesAtTheHostSampleRate() {
        // at 48 kHz a 1 ms attack is 48 frames: the gain reaches level at frame 48, not before
        BlockRunner r = BlockRunner.of(new AsrEnvelopeSynthDef(), OscArgs.of(0.001f, 0.001f, 1f, 0.001f), 48000, 64)
                .audioInput(0, ones(1000));
        float[] out = r.run(4)[0];
        assertEquals(47 / 48.0, out[47], 1e-6);
        assertEquals(1f, out[48]);
        assertEquals(1f, out[95]);
        assertEquals(47 / 48.0, out[97], 1e-6);
        assertEquals(0f, out[144]);
        assertEquals(List.of(2L), r.doneBlocks());
    }

    @Test
    void badOptionsAreRejectedWithAClearMessage() {
        assertRejected(OscArgs.of(-0.1f), "attack");
        assertRejected(OscArgs.of(0.1f, Float.NaN), "sustain");
        assertRejected(OscArgs.of(0.1f, 1f, -1f), "level");
        assertRejected(OscArgs.of(0.1f, 1f, 1f, -0.5f), "release");
        assertRejected(OscArgs.of(Float.POSITIVE_INFINITY), "attack");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AsrEnvelopeSynthDef().construct(new TestHost(SR, BLOCK), OscArgs.of("slow")));
        assertTrue(e.getMessage().contains("expected float"), e.getMessage());
    }

    private static void assertRejected(OscArgs options, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AsrEnvelopeSynthDef().construct(new TestHost(SR, BLOCK), options));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    private static double[] toDoubles(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
