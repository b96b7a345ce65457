package la.methc.plugins.envelope.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.SynthChecks;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

/**
 * The envelope on rendered audio, its input a constant 1 (so the output is the envelope), checked frame by
 * frame against the piecewise-linear ADSR written out here from the stage lengths.
 */
class EnvelopeTest {

    /** 1 frame per millisecond, so seconds map to frames by eye. */
    private static final double SR = 1000;
    private static final int BLOCK = 10;
    private static final double EPS = 1e-6;

    private static float[] ones(int frames) {
        float[] x = new float[frames];
        Arrays.fill(x, 1f);
        return x;
    }

    /** attack 20 frames, decay 30, sustain level 0.5, release 40. */
    private static BlockRunner runner(float... gate) {
        return BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0.02f, 0.03f, 0.5f, 0.04f), SR, BLOCK, gate)
                .audioInput(0, ones(100_000));
    }

    /** The gate-open part from level 0: n/20 up to frame 20, down to 0.5 at frame 50, then 0.5. */
    private static double adsFromZero(int n) {
        return n < 20 ? n / 20.0 : n < 50 ? 1 - 0.5 * (n - 20) / 30.0 : 0.5;
    }

    private static float[] concat(float[]... parts) {
        int len = 0;
        for (float[] p : parts) {
            len += p.length;
        }
        float[] all = new float[len];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static double maxStep(float[] x) {
        double max = 0;
        for (int n = 1; n < x.length; n++) {
            max = Math.max(max, Math.abs(x[n] - x[n - 1]));
        }
        return max;
    }

    @Test
    void uriPortsDefaultsAndIsolated() {
        EnvelopeSynthDef def = new EnvelopeSynthDef();
        assertEquals("http://methc.la/plugins/envelope", def.uri());
        assertTrue(def.isolated());
        var ports = def.construct(new TestHost(SR, BLOCK), OscArgs.of()).ports();
        assertEquals(3, ports.size());
        assertEquals("in", ports.get(0).name());
        assertEquals("gate", ports.get(1).name());
        assertEquals(1f, ports.get(1).defaultValue());
        assertEquals("out", ports.get(2).name());
    }

    @Test
    void attackDecaySustainReleaseFrameByFrameAndDoneOnce() {
        BlockRunner r = runner();
        float[] open = r.run(10)[0]; // frames 0..99, gate open
        for (int n = 0; n < 100; n++) {
            assertEquals(adsFromZero(n), open[n], EPS, "frame " + n);
        }
        assertEquals(1f, open[20]);   // the attack ends on 1 exactly at frame A
        assertEquals(0.5f, open[50]); // the decay on the sustain level at frame A + D
        assertEquals(0, r.doneCount());

        r.control(0, 0f); // the gate closes at frame 100
        float[] release = r.run(6)[0]; // frames 100..159
        for (int k = 0; k < 60; k++) {
            double expected = k < 40 ? 0.5 * (1 - k / 40.0) : 0;
            assertEquals(expected, release[k], EPS, "release frame " + k);
        }
        // done once, in block 13 (frames 130..139), the one that computes the last non-zero frame
        assertEquals(List.of(13L), r.doneBlocks());
        r.control(0, 1f); // done is final: a gate after it neither sounds nor says done again
        float[] after = r.run(10)[0];
        for (float v : after) {
            assertEquals(0f, v);
        }
        assertEquals(1, r.doneCount());
    }

    @Test
    void sustainHoldsWhileTheGateStaysOpen() {
        BlockRunner r = runner();
        float[] out = r.run(1000)[0]; // ten seconds
        for (int n = 50; n < out.length; n++) {
            assertEquals(0.5f, out[n], "frame " + n);
        }
        assertEquals(0, r.doneCount());
    }

    @Test
    void defaultsAtAudioRateReachTheirTargetsOnTheRightFrames() {
        double sr = 48000;
        BlockRunner r = BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(), sr, 64).audioInput(0, ones(400_000));
        float[] out = r.run(100)[0]; // 6400 frames
        int attackEnd = (int) Math.round(0.01 * sr);
        int decayEnd = (int) Math.round((0.01 + 0.1) * sr);
        int firstOne = -1;
        for (int n = 0; n < out.length && firstOne < 0; n++) {
            firstOne = out[n] >= 1f - EPS ? n : -1;
        }
        assertEquals(attackEnd, firstOne, 1);
        int firstSustain = -1;
        for (int n = attackEnd + 1; n < out.length && firstSustain < 0; n++) {
            firstSustain = Math.abs(out[n] - 0.7f) <= EPS ? n : -1;
        }
        assertEquals(decayEnd, firstSustain, 1);
        r.control(0, 0f);
        int releaseFrames = (int) Math.round(0.3 * sr); // 14400 = 225 blocks
        float[] rel = r.run(230)[0];
        assertEquals(0.7f, rel[0], EPS);
        assertEquals(0.35, rel[releaseFrames / 2], 1e-5);
        int firstZero = -1;
        for (int n = 0; n < rel.length && firstZero < 0; n++) {
            firstZero = rel[n] == 0f ? n : -1;
        }
        assertEquals(releaseFrames, firstZero, 1);
        assertEquals(List.of(100L + 224), r.doneBlocks());
    }

    @Test
    void gateClosedDuringTheAttackReleasesFromTheLevelReached() {
        // attack 40 frames, so the level reached (0.25) is not the sustain level (0.5)
        BlockRunner r = BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0.04f, 0.03f, 0.5f, 0.04f), SR, BLOCK)
                .audioInput(0, ones(1000));
        float[] a = r.run(1)[0]; // frames 0..9: 0 .. 0.225
        r.control(0, 0f);        // closes at frame 10, where the attack would stand at 0.25
        float[] b = r.run(6)[0];
        for (int k = 0; k < 60; k++) {
            double expected = k < 40 ? 0.25 * (1 - k / 40.0) : 0;
            assertEquals(expected, b[k], EPS, "release frame " + k);
        }
        // no jump: no step larger than the attack's own (1/40 per frame)
        assertTrue(maxStep(concat(a, b)) <= 0.025 + EPS, "largest step " + maxStep(concat(a, b)));
        assertEquals(List.of(4L), r.doneBlocks()); // release frames 10..49: the last one in block 4
    }

    @Test
    void gateClosedDuringTheDecayReleasesFromTheLevelReached() {
        BlockRunner r = runner();
        float[] a = r.run(3)[0];  // frames 0..29; at frame 30 the decay stands at 1 - 0.5·10/30
        r.control(0, 0f);
        float[] b = r.run(5)[0];
        double from = 1 - 0.5 * 10 / 30.0;
        for (int k = 0; k < 50; k++) {
            assertEquals(k < 40 ? from * (1 - k / 40.0) : 0, b[k], EPS, "release frame " + k);
        }
        assertTrue(maxStep(concat(a, b)) <= 0.05 + EPS);
    }

    @Test
    void gateReopenedDuringTheReleaseRetriggersFromTheCurrentLevel() {
        BlockRunner r = runner();
        float[] a = r.run(10)[0];  // to sustain
        r.control(0, 0f);
        float[] b = r.run(2)[0];   // release frames 0..19: 0.5 .. 0.2625
        r.control(0, 1f);          // reopens at frame 120, where the release stands at 0.25
        float[] c = r.run(10)[0];  // frames 120..219
        // the attack's slope (1/20 per frame) from 0.25: 1 after 15 frames, then the decay, then the sustain
        for (int k = 0; k < 100; k++) {
            double expected = k < 15 ? 0.25 + k / 20.0 : k < 45 ? 1 - 0.5 * (k - 15) / 30.0 : 0.5;
            assertEquals(expected, c[k], EPS, "frame " + (120 + k));
        }
        assertTrue(maxStep(concat(a, b, c)) <= 0.05 + EPS, "largest step " + maxStep(concat(a, b, c)));
        assertEquals(0, r.doneCount());
        r.control(0, 0f); // and it still ends: done once, 40 frames on
        r.run(5);
        assertEquals(List.of(25L), r.doneBlocks());
    }

    @Test
    void closedAtActivationIsSilentUntilTheGateOpens() {
        BlockRunner r = runner(0f);
        float[] silent = r.run(5)[0];
        for (float v : silent) {
            assertEquals(0f, v);
        }
        assertEquals(0, r.doneCount());
        r.control(0, 1f);
        float[] out = r.run(10)[0];
        for (int n = 0; n < 100; n++) {
            assertEquals(adsFromZero(n), out[n], EPS, "frame " + n);
        }
    }

    @Test
    void aStartOffsetDelaysTheAttack() {
        BlockRunner r = runner();
        float[] out = r.run(3, 3)[0];
        for (int n = 3; n < 30; n++) {
            assertEquals(adsFromZero(n - 3), out[n], EPS, "frame " + n);
        }
    }

    @Test
    void zeroLengthSegmentsJumpWithoutDividingByZero() {
        BlockRunner r = BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0f, 0f, 0.5f, 0f), SR, BLOCK)
                .audioInput(0, ones(1000));
        float[] open = r.run(3)[0];
        for (float v : open) {
            assertEquals(0.5f, v); // straight to the sustain level, no NaN
        }
        r.control(0, 0f);
        float[] closed = r.run(3)[0];
        for (float v : closed) {
            assertEquals(0f, v);
        }
        assertEquals(List.of(3L), r.doneBlocks()); // done in the block the gate closed
        // a zero decay after an attack: 1 then straight to the sustain level
        BlockRunner r2 = BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0.01f, 0f, 0.25f, 0f), SR, BLOCK)
                .audioInput(0, ones(1000));
        float[] out = r2.run(2)[0];
        for (int n = 0; n < 20; n++) {
            assertEquals(n < 10 ? n / 10.0 : 0.25, out[n], EPS, "frame " + n);
        }
    }

    @Test
    void multipliesTheInput() {
        float[] in = new float[200];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(i * 0.37) - 0.2f;
        }
        BlockRunner r = BlockRunner.of(new EnvelopeSynthDef(), OscArgs.of(0.02f, 0.03f, 0.5f, 0.04f), SR, BLOCK)
                .audioInput(0, in);
        float[] out = r.run(20)[0];
        for (int n = 0; n < 200; n++) {
            assertEquals(in[n] * adsFromZero(n), out[n], EPS, "frame " + n);
        }
    }

    @Test
    void badOptionsAreRefusedWithAReason() {
        TestHost host = new TestHost(SR, BLOCK);
        EnvelopeSynthDef def = new EnvelopeSynthDef();
        var e = assertThrows(IllegalArgumentException.class, () -> def.construct(host, OscArgs.of(-0.1f)));
        assertTrue(e.getMessage().contains("attack"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> def.construct(host, OscArgs.of(0f, Float.NaN)));
        assertTrue(e.getMessage().contains("decay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> def.construct(host, OscArgs.of(0f, 0f, 1.5f)));
        assertTrue(e.getMessage().contains("sustainLevel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> def.construct(host, OscArgs.of(0f, 0f, 0.5f, -1f)));
        assertTrue(e.getMessage().contains("release"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> def.construct(host, OscArgs.of(Float.POSITIVE_INFINITY)));
        assertTrue(e.getMessage().contains("attack"), e.getMessage());
    }

    /** isolated(): on two threads at once as alone, through every stage, a retrigger and the end. */
    @Test
    void twoSynthsOnTwoThreadsGiveTheSameAudio() {
        java.util.function.Consumer<BlockRunner> gates = r -> r.audioInput(0, ones(300)).changes()
                .sequence("gate", 3, 3, 0f, 1f, 1f, 0f); // release at block 3, again open at 6, release at 12
        BlockRunner alone = runner();
        gates.accept(alone);
        alone.run(30);
        assertEquals(1, alone.doneCount(), "the last release ends within the run");
        SynthChecks.assertSameOnTwoThreads(new EnvelopeSynthDef(), OscArgs.of(0.02f, 0.03f, 0.5f, 0.04f), SR, BLOCK,
                30, gates);
    }
}
