package la.methc.plugins.delay.internal;

import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.Signals;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/**
 * The RT path allocates nothing: 20,000 blocks of two delays with a buffer bound and one without, on noise, time,
 * feedback and mix moving every few blocks so the glides run, measured by the test kit.
 */
class DelayAllocationTest {

    private static final int BS = 64;

    @Test
    void processAllocatesNothing() {
        float[] noise = Signals.noise(3, BS);
        SynthChecks.assertProcessAllocatesNothing(20_000, DelayAllocationTest::glide,
                BlockRunner.of(new DelaySynthDef(), OscArgs.of(1), 48000, BS).audioInputLooped(0, noise)
                        .resource(1, AudioBuffer.URI, TestLine.of(48000)),
                BlockRunner.of(new DelaySynthDef(), OscArgs.of(2), 48000, BS).audioInputLooped(0, noise)
                        .resource(2, AudioBuffer.URI, TestLine.of(1000)),
                BlockRunner.of(new DelaySynthDef(), OscArgs.empty(), 48000, BS).audioInputLooped(0, noise));
    }

    /** /node/set of time, feedback and mix every 7 blocks: the next blocks glide. */
    private static void glide(BlockRunner r, int voice, long b) {
        if (b % 7 == 0) {
            r.control(0, 0.001f * (b % 300));
            r.control(1, -1f + 0.01f * (b % 200));
            r.control(2, 0.01f * (b % 100));
        }
    }
}
