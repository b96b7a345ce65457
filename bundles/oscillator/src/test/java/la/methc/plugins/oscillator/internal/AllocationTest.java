package la.methc.plugins.oscillator.internal;

import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.SynthChecks;
import org.junit.jupiter.api.Test;

/**
 * The RT code allocates nothing: 1,000 blocks of 40 oscillators of every shape, with frequency and amp changing
 * every block, measured by the test kit.
 */
class AllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 40;

    @Test
    void processAllocatesNothing() {
        BlockRunner[] voices = new BlockRunner[VOICES];
        for (int v = 0; v < VOICES; v++) {
            voices[v] = BlockRunner.of(new OscillatorSynthDef(), OscArgs.of(v % 4), 48000, BS);
        }
        SynthChecks.assertProcessAllocatesNothing(1_000, AllocationTest::newControls, voices);
    }

    /** New freq and amp before every block, as /node/set between blocks would leave them. */
    private static void newControls(BlockRunner r, int v, long b) {
        r.control(0, 100f + 37f * v + (b % 100) * 3f);
        r.control(1, (b + v) % 3 == 0 ? 0.2f : 0.8f);
    }
}
