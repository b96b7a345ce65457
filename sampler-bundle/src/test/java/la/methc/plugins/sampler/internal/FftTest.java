package la.methc.plugins.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The radix-2 FFT against a direct DFT. */
class FftTest {

    @Test
    void matchesTheDirectTransform() {
        for (int n : new int[] {2, 8, 64, 1024}) {
            float[] x = Signals.noise(n, n);
            float[] y = Signals.noise(n + 1, n);
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = x[i];
                im[i] = y[i];
            }
            new Fft(n).forward(re, im);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int t = 0; t < n; t++) {
                    double a = -2 * Math.PI * k * t / n;
                    sr += x[t] * Math.cos(a) - y[t] * Math.sin(a);
                    si += x[t] * Math.sin(a) + y[t] * Math.cos(a);
                }
                assertEquals(sr, re[k], 1e-9 * n, "re " + k + " of " + n);
                assertEquals(si, im[k], 1e-9 * n, "im " + k + " of " + n);
            }
        }
    }

    @Test
    void sizesArePowersOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Fft(1000));
        assertThrows(IllegalArgumentException.class, () -> new Fft(1));
    }
}
