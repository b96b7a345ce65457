package la.methc.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalsTest {

    private static float[] sine(double freq, double amp, double sampleRate, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freq * i / sampleRate + 0.3));
        }
        return x;
    }

    @Test
    void frequencyOfAKnownSine() {
        assertEquals(440.0, Signals.frequency(sine(440, 1, 48000, 48000), 48000), 0.01);
        assertEquals(1234.5, Signals.frequency(sine(1234.5, 0.2, 44100, 44100), 44100), 0.01);
    }

    @Test
    void frequencyNeedsTwoCrossings() {
        assertTrue(Double.isNaN(Signals.frequency(new float[] {-1, 1, 1}, 48000)));
    }

    @Test
    void levels() {
        float[] x = sine(100, 0.5, 48000, 48000);
        assertEquals(0.5, Signals.peak(x), 1e-4);
        assertEquals(0.5 / Math.sqrt(2), Signals.rms(x), 1e-4);
        assertEquals(0.0, Signals.mean(x), 1e-4);
        assertEquals(2 * Math.PI * 100 / 48000 * 0.5, Signals.maxStep(x), 1e-5);
    }
}
