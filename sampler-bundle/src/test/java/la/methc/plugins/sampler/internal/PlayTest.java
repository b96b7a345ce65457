package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Signals.assertSamples;
import static la.methc.plugins.sampler.internal.Signals.assertSilent;
import static la.methc.plugins.sampler.internal.Voice.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The play synth, sample by sample. Controls: 0 rate, 1 loop, 2 start. */
class PlayTest {

    private static final int BS = 64;

    private final FakeWorld world = new FakeWorld(48000, BS, 16);
    private final Rig rig = new Rig(world);

    private Voice play(Object[] options, float... controls) {
        return rig.add(Voice.play(world, options, controls));
    }

    @ParameterizedTest(name = "interpolation {0}")
    @ValueSource(ints = {0, 1, 2})
    void rateOneIsABitExactCopy(int interpolation) {
        float[] x = Signals.noise(1, 1000);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1, 1, interpolation));
        rig.run(20);
        float[] out = v.out(0);
        assertSamples(x, out, 0, "rate 1");
        assertSilent(out, 1000, out.length, "after the end");
    }

    @Test
    void rateOneKeepsTheSignOfZero() {
        float[] x = {1f, -0f, 0f, -0f, 2f, -3f, -0f};
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1));
        rig.run(1);
        assertSamples(x, v.out(0), 0, "rate 1");
    }

    @Test
    void halfRateLinearGivesExactMidpoints() {
        float[] x = Signals.noise(2, 300);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 0.5f);
        rig.run(10);
        float[] out = v.out(0);
        for (int j = 0; j < x.length; j++) {
            assertEquals(x[j], out[2 * j], "frame " + 2 * j + " is buffer frame " + j);
            float mid = j + 1 < x.length ? (float) (((double) x[j] + x[j + 1]) / 2) : x[j];
            // one-shot: the frame after the last is the last one (edge hold)
            assertEquals(mid, out[2 * j + 1], "frame " + (2 * j + 1) + " is the midpoint after buffer frame " + j);
        }
        assertSilent(out, 600, out.length, "after the end");
        assertEquals(List.of(9L), world.doneBlocks(v.synth), "600 frames end in block 9");
    }

    @Test
    void rateIsScaledByTheBufferSampleRate() {
        float[] x = Signals.noise(3, 100);
        world.buffer(1, new TestBuffer(24000, x));
        Voice v = play(opts(1));
        rig.run(2);
        float[] out = v.out(0);
        for (int j = 0; j < 64; j++) {
            assertEquals(x[j], out[2 * j]);
            assertEquals((float) (((double) x[j] + x[j + 1]) / 2), out[2 * j + 1]);
        }
    }

    /** BufRateScale: at rate 1 a buffer lasts as long as on disk, whatever its rate and the engine's. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {22050, 24000, 44100, 96000})
    void rateOneLastsAsLongAsTheBufferAtItsOwnRate(int bufferRate) {
        int frames = bufferRate / 10; // 0.1 s
        world.buffer(1, new TestBuffer(bufferRate, Signals.of(frames, i -> 0.5)));
        Voice v = play(opts(1));
        rig.run(100);
        float[] out = v.out(0);
        int played = 0;
        while (played < out.length && out[played] != 0f) {
            played++;
        }
        assertSilent(out, played, out.length, "after the end");
        assertTrue(Math.abs(played - 4800) <= 1, bufferRate + " Hz: " + played + " frames, not 4800 (0.1 s at 48 kHz)");
    }

    @Test
    void nonIntegralRateInterpolatesLinearly() {
        // rate 0.75 is a binary fraction, so every position is exact and the values can be compared exactly
        float[] x = Signals.noise(4, 200);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 0.75f, 0f, 3f);
        rig.run(3);
        float[] out = v.out(0);
        for (int j = 0; j < out.length; j++) {
            double p = 3 + 0.75 * j;
            int i = (int) p;
            double f = p - i;
            float expected = (float) (x[i] + f * (x[i + 1] - (double) x[i]));
            assertEquals(expected, out[j], "frame " + j + " at position " + p);
        }
    }

    @Test
    void cubicReproducesARampAndAParabola() {
        int n = 64;
        world.buffer(1, new TestBuffer(48000, Signals.of(n, i -> 3 * i - 20)));
        world.buffer(2, new TestBuffer(48000, Signals.of(n, i -> i * i)));
        Voice ramp = play(opts(1, 1, 2), 0.25f, 0f, 1f);
        Voice parabola = play(opts(2, 1, 2), 0.25f, 0f, 1f);
        rig.run(3);
        float[] r = ramp.out(0);
        float[] q = parabola.out(0);
        // from position 1 on, the four neighbours are inside the buffer until position n - 2
        for (int j = 0; j < r.length && 1 + 0.25 * j <= n - 2; j++) {
            double p = 1 + 0.25 * j;
            assertEquals((float) (3 * p - 20), r[j], "ramp at " + p);
            assertEquals((float) (p * p), q[j], "parabola at " + p);
        }
    }

    @Test
    void cubicOfAnImpulseIsTheCatmullRomKernel() {
        float[] x = new float[16];
        x[8] = 1f;
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1, 1, 2), 0.25f, 0f, 6f);
        rig.run(1);
        float[] out = v.out(0);
        // positions 6, 6.25, ..., 10: the kernel's values at distance d from the impulse
        float[] expected = {
            0f, -0.0234375f, -0.0625f, -0.0703125f, // 6 .. 6.75 (distance 2 .. 1.25): exact binary fractions
            0f, 0.2265625f, 0.5625f, 0.8671875f,    // 7 .. 7.75
            1f, 0.8671875f, 0.5625f, 0.2265625f,    // 8 .. 8.75
            0f, -0.0703125f, -0.0625f, -0.0234375f, // 9 .. 9.75
            0f,
        };
        assertSamples(expected, java.util.Arrays.copyOf(out, expected.length), "impulse response");
    }

    @Test
    void cubicAtTheEdgesHoldsTheEdgeFrames() {
        float[] x = {1f, 2f, 4f, 8f};
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1, 1, 2), 0.5f);
        rig.run(1);
        float[] out = v.out(0);
        float[] expected = {
            1f, Interpolation.hermite(1, 1, 2, 4, 0.5f),
            2f, Interpolation.hermite(1, 2, 4, 8, 0.5f),
            4f, Interpolation.hermite(2, 4, 8, 8, 0.5f),
            8f, Interpolation.hermite(4, 8, 8, 8, 0.5f),
        };
        assertSamples(expected, java.util.Arrays.copyOf(out, 8), "edges");
        assertSilent(out, 8, BS, "after the end");
    }

    @Test
    void noInterpolationPicksTheFrameUnderThePlayhead() {
        float[] x = Signals.noise(5, 50);
        world.buffer(1, new TestBuffer(48000, x));
        float rate = 0.3f;
        Voice v = play(opts(1, 1, 0), rate);
        rig.run(3);
        float[] out = v.out(0);
        double step = rate;
        int j = 0;
        for (; j * step < 50; j++) {
            assertEquals(x[(int) Math.floor(j * step)], out[j], "frame " + j);
        }
        assertSilent(out, j, out.length, "after the end");
    }

    @Test
    void loopWrapsExactly() {
        float[] x = Signals.noise(6, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 1f, 1f);
        rig.run(8);
        float[] out = v.out(0);
        for (int j = 0; j < out.length; j++) {
            assertEquals(x[j % 100], out[j], "frame " + j);
        }
        assertTrue(world.doneBlocks(v.synth).isEmpty(), "a loop is never done");
    }

    @Test
    void loopStartsAndWrapsAtTheStartFrame() {
        float[] x = Signals.noise(7, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 1f, 1f, 30f);
        rig.run(8);
        float[] out = v.out(0);
        for (int j = 0; j < out.length; j++) {
            assertEquals(x[30 + j % 70], out[j], "frame " + j);
        }
    }

    @Test
    void fractionalLoopInterpolatesAcrossTheSeam() {
        float[] x = Signals.noise(8, 50);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 0.75f, 1f, 10f);
        rig.run(6);
        float[] out = v.out(0);
        double p = 10;
        for (int j = 0; j < out.length; j++) {
            int i = (int) p;
            double f = p - i;
            // past the last frame the loop continues at its start
            double next = i + 1 < 50 ? x[i + 1] : x[10];
            float expected = (float) (x[i] + f * (next - x[i]));
            assertEquals(expected, out[j], "frame " + j + " at position " + p);
            p += 0.75;
            if (p >= 50) {
                p -= 40;
            }
        }
    }

    @Test
    void cubicLoopWrapsItsNeighbours() {
        float[] x = Signals.noise(9, 20);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1, 1, 2), 0.5f, 1f, 4f);
        rig.run(3);
        float[] out = v.out(0);
        double p = 4;
        for (int j = 0; j < out.length; j++) {
            int i = (int) p;
            double f = p - i;
            float expected = f == 0 ? x[i] : Interpolation.hermite(x[wrap(i - 1, 4, 20)], x[i], x[wrap(i + 1, 4, 20)],
                    x[wrap(i + 2, 4, 20)], (float) f);
            assertEquals(expected, out[j], "frame " + j + " at position " + p);
            p += 0.5;
            if (p >= 20) {
                p -= 16;
            }
        }
    }

    private static int wrap(int i, int start, int n) {
        return start + Math.floorMod(i - start, n - start);
    }

    @Test
    void backwardsOneShotPlaysTheBufferReversedThenEnds() {
        float[] x = Signals.noise(10, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), -1f, 0f, 99f);
        rig.run(3);
        float[] out = v.out(0);
        for (int j = 0; j < 100; j++) {
            assertEquals(x[99 - j], out[j], "frame " + j);
        }
        assertSilent(out, 100, out.length, "after the start of the buffer");
        assertEquals(List.of(1L), world.doneBlocks(v.synth));
    }

    @Test
    void backwardsLoopWrapsToTheEnd() {
        float[] x = Signals.noise(11, 50);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), -1f, 1f, 20f);
        rig.run(4);
        float[] out = v.out(0);
        for (int j = 0; j < out.length; j++) {
            assertEquals(x[20 + Math.floorMod(-j, 30)], out[j], "frame " + j);
        }
    }

    @Test
    void backwardsFractionalLoop() {
        float[] x = Signals.noise(12, 40);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), -0.75f, 1f, 5f);
        rig.run(4);
        float[] out = v.out(0);
        double p = 5;
        for (int j = 0; j < out.length; j++) {
            int i = (int) p;
            double f = p - i;
            double next = i + 1 < 40 ? x[i + 1] : x[5];
            assertEquals((float) (x[i] + f * (next - x[i])), out[j], "frame " + j + " at " + p);
            p -= 0.75;
            if (p < 5) {
                p += 35;
            }
        }
    }

    @Test
    void endIsDoneOnceThenSilence() {
        float[] x = Signals.noise(13, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1));
        rig.run(6);
        float[] out = v.out(0);
        assertSamples(x, out, 0, "the buffer");
        assertSilent(out, 100, out.length, "after the end");
        assertEquals(List.of(1L), world.doneBlocks(v.synth), "done once, in the block of the last frame");
    }

    @Test
    void endOnABlockBoundaryIsDoneInTheBlockOfTheLastFrame() {
        float[] x = Signals.noise(14, 128);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1));
        rig.run(4);
        assertEquals(List.of(1L), world.doneBlocks(v.synth));
        assertSamples(x, v.out(0), 0, "the buffer");
        assertSilent(v.out(0), 128, 256, "after the end");
    }

    @Test
    void turningTheLoopOffEndsAtTheBufferEnd() {
        float[] x = Signals.noise(15, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 1f, 1f);
        rig.run(3); // 192 frames: twice round, 92 into the third pass
        v.control(1, 0f);
        rig.run(2);
        float[] out = v.out(0);
        for (int j = 0; j < 200; j++) {
            assertEquals(x[j % 100], out[j], "frame " + j);
        }
        assertSilent(out, 200, out.length, "after the end");
        assertEquals(List.of(3L), world.doneBlocks(v.synth));
    }

    @Test
    void rateZeroHoldsThePlayhead() {
        float[] x = Signals.noise(16, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 0f, 0f, 42f);
        rig.run(2);
        float[] out = v.out(0);
        for (float s : out) {
            assertEquals(x[42], s);
        }
    }

    @Test
    void nonFiniteRateHoldsThePlayhead() {
        float[] x = Signals.noise(17, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1));
        rig.run(1);
        v.control(0, Float.NaN);
        rig.run(1);
        v.control(0, 1f);
        rig.run(1);
        float[] out = v.out(0);
        assertSamples(java.util.Arrays.copyOf(x, 64), out, 0, "first block");
        for (int j = 64; j < 128; j++) {
            assertEquals(x[64], out[j], "held at frame " + j);
        }
        assertSamples(java.util.Arrays.copyOfRange(x, 64, 100), out, 128, "then on");
    }

    @Test
    void startOutsideTheBufferIsClamped() {
        float[] x = Signals.noise(18, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice high = play(opts(1), 1f, 0f, 1e6f);
        Voice low = play(opts(1), 1f, 0f, -5f);
        Voice nan = play(opts(1), 1f, 0f, Float.NaN);
        rig.run(1);
        assertEquals(x[99], high.out(0)[0]);
        assertSilent(high.out(0), 1, BS, "after the last frame");
        assertEquals(x[0], low.out(0)[0]);
        assertEquals(x[0], nan.out(0)[0]);
    }

    @Test
    void sampleAccurateStartOffset() {
        float[] x = Signals.noise(19, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = rig.add(Voice.play(world, opts(1)), 10);
        rig.run(3);
        float[] out = v.out(0);
        assertSilent(out, 0, 10, "before the start");
        assertSamples(x, out, 10, "from the offset");
        assertSilent(out, 110, out.length, "after the end");
    }

    @Test
    void outputsReadBufferChannelsModuloTheirCount() {
        float[] l = Signals.noise(20, 100);
        float[] r = Signals.noise(21, 100);
        world.buffer(1, new TestBuffer(48000, l, r));
        Voice v = play(opts(1, 5, 1), 0.5f, 1f);
        rig.run(4);
        for (int c = 0; c < 5; c++) {
            float[] src = c % 2 == 0 ? l : r;
            float[] out = v.out(c);
            for (int j = 0; j < out.length; j++) {
                double p = (0.5 * j) % 100;
                int i = (int) p;
                double f = p - i;
                double next = src[(i + 1) % 100];
                assertEquals((float) (src[i] + f * (next - src[i])), out[j], "output " + c + " frame " + j);
            }
        }
    }

    @Test
    void oneOutputOfAStereoBufferReadsTheFirstChannel() {
        float[] l = Signals.noise(22, 64);
        float[] r = Signals.noise(23, 64);
        world.buffer(1, new TestBuffer(48000, l, r));
        Voice v = play(opts(1));
        rig.run(1);
        assertSamples(l, v.out(0), "channel 0");
    }

    @Test
    void wholeRatesSkipFramesExactly() {
        float[] x = Signals.noise(24, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice fwd = play(opts(1), 2f, 1f);
        Voice back = play(opts(1), -3f, 1f, 10f);
        rig.run(2);
        for (int j = 0; j < 128; j++) {
            assertEquals(x[2 * j % 100], fwd.out(0)[j], "rate 2, frame " + j);
            assertEquals(x[10 + Math.floorMod(-3 * j, 90)], back.out(0)[j], "rate -3, frame " + j);
        }
    }

    @Test
    void aPlayheadBelowANewLoopStartIsWrappedIntoTheLoop() {
        float[] x = Signals.noise(25, 100);
        world.buffer(1, new TestBuffer(48000, x));
        Voice v = play(opts(1), 1f, 1f);
        rig.run(1); // playhead at 64
        v.control(2, 80f);
        rig.run(1);
        float[] out = v.out(0);
        // 64 wrapped into [80, 100): 80 + (64 - 80) mod 20 = 84
        for (int j = 0; j < 64; j++) {
            assertEquals(x[80 + (4 + j) % 20], out[64 + j], "frame " + (64 + j));
        }
    }

    @Test
    void unboundPlaysSilence() {
        // process before attach (or after a detach): no body, silence, no done
        Voice v = Voice.play(world, opts(3));
        java.util.Arrays.fill(v.outs[0], Float.NaN);
        v.synth.process(world, 0, BS);
        assertSilent(v.outs[0], 0, BS, "unbound");
        assertTrue(world.doneBlocks(v.synth).isEmpty());
    }
}
