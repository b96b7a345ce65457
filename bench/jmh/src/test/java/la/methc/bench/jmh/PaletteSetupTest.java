package la.methc.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.plugins.testkit.RtAllocation;
import la.methc.plugins.testkit.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PaletteBlockBenchmark measures real work: every palette voice's set-up makes sound, allocation-free. */
class PaletteSetupTest {

    @ParameterizedTest
    @EnumSource(PaletteVoice.class)
    void everyVoiceMakesFiniteSoundOnEveryOutput(PaletteVoice voice) {
        PaletteRunner r = new PaletteRunner(voice);
        float[][] outputs = r.render(100);
        assertTrue(outputs.length >= 1, voice + " has no audio output");
        for (int o = 0; o < outputs.length; o++) {
            for (float x : outputs[o]) {
                assertTrue(Float.isFinite(x) && Math.abs(x) < 4, voice + " output " + o + " holds " + x);
            }
            assertTrue(Signals.peak(outputs[o]) > 0.01, voice + " output " + o + " is silent");
        }
        if (voice == PaletteVoice.DELAY) {
            assertEquals(1, r.lineHolds(), "the delay did not bind its line");
        }
    }

    @ParameterizedTest
    @EnumSource(PaletteVoice.class)
    void theMeasuredBlockAllocatesNothing(PaletteVoice voice) throws InterruptedException {
        PaletteRunner r = new PaletteRunner(voice);
        // the benchmark's own block, measured by the test kit after a warm-up and once the JIT is quiet
        RtAllocation.Measured m = RtAllocation.measure(n -> {
            for (int b = 0; b < n; b++) {
                r.process();
            }
        }, 20_000, 10_000);
        assertEquals(0, m.bytes(), voice + " allocated on the RT path (measuring costs " + m.cost() + ")");
    }
}
