package la.methc.plugins.sampler.internal;

import java.util.Arrays;

/**
 * Onset detection by spectral flux, for {@code /buffer/onsets}. Worker threads only. It mixes the buffer's
 * channels, takes {@value #SIZE}-point Hann windows every {@value #HOP} samples, and reports each frame whose
 * rise in magnitude is a local peak, above the local median and above a floor, at the frame's centre sample.
 * The steps and their limits: {@code docs/osc-api.md}, "How /buffer/onsets finds onsets".
 */
final class Onsets {

    static final int SIZE = 1024;
    static final int HOP = 256;
    static final int PEAK_RADIUS = 3;
    static final int MEDIAN_RADIUS = 8;
    static final double FLOOR = 0.01;

    private Onsets() {
    }

    /** The onset positions of {@code data} (channels of {@code frames} samples), in samples, ascending. */
    static int[] detect(float[][] data, int frames, double threshold) {
        double[] flux = flux(mix(data, frames));
        double max = 0;
        for (double f : flux) {
            max = Math.max(max, f);
        }
        if (!(max > 0)) {
            return new int[0];
        }
        for (int n = 0; n < flux.length; n++) {
            flux[n] /= max;
        }
        int[] onsets = new int[flux.length];
        int count = 0;
        double[] window = new double[2 * MEDIAN_RADIUS + 1];
        for (int n = 0; n < flux.length; n++) {
            double f = flux[n];
            if (f <= FLOOR || !isPeak(flux, n)) {
                continue;
            }
            if (f > (1 + threshold) * median(flux, n, window)) {
                onsets[count++] = Math.min(n * HOP, Math.max(0, frames - 1));
            }
        }
        return Arrays.copyOf(onsets, count);
    }

    private static float[] mix(float[][] data, int frames) {
        float[] mono = new float[frames];
        for (float[] channel : data) {
            for (int i = 0; i < frames; i++) {
                mono[i] += channel[i];
            }
        }
        if (data.length > 1) {
            float g = 1f / data.length;
            for (int i = 0; i < frames; i++) {
                mono[i] *= g;
            }
        }
        return mono;
    }

    /** Flux of frames 0 .. ceil(length / HOP), un-normalised. */
    static double[] flux(float[] x) {
        int numFrames = (x.length + HOP - 1) / HOP + 1;
        double[] flux = new double[numFrames];
        double[] hann = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            hann[i] = 0.5 * (1 - Math.cos(2 * Math.PI * i / SIZE));
        }
        Fft fft = new Fft(SIZE);
        double[] re = new double[SIZE];
        double[] im = new double[SIZE];
        double[] previous = new double[SIZE / 2 + 1];
        double[] magnitude = new double[SIZE / 2 + 1];
        for (int n = 0; n < numFrames; n++) {
            int start = n * HOP - SIZE / 2;
            for (int i = 0; i < SIZE; i++) {
                int t = start + i;
                re[i] = t >= 0 && t < x.length ? x[t] * hann[i] : 0;
                im[i] = 0;
            }
            fft.forward(re, im);
            double sum = 0;
            for (int k = 0; k <= SIZE / 2; k++) {
                magnitude[k] = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
                double rise = magnitude[k] - previous[k];
                if (rise > 0) {
                    sum += rise;
                }
            }
            flux[n] = sum;
            double[] t = previous;
            previous = magnitude;
            magnitude = t;
        }
        return flux;
    }

    /** The largest within ±PEAK_RADIUS; of equal values, the first. */
    private static boolean isPeak(double[] flux, int n) {
        for (int m = Math.max(0, n - PEAK_RADIUS); m <= Math.min(flux.length - 1, n + PEAK_RADIUS); m++) {
            if (m < n ? flux[m] >= flux[n] : flux[m] > flux[n]) {
                return false;
            }
        }
        return true;
    }

    private static double median(double[] flux, int n, double[] window) {
        int from = Math.max(0, n - MEDIAN_RADIUS);
        int to = Math.min(flux.length - 1, n + MEDIAN_RADIUS);
        int len = to - from + 1;
        System.arraycopy(flux, from, window, 0, len);
        Arrays.sort(window, 0, len);
        return len % 2 == 1 ? window[len / 2] : 0.5 * (window[len / 2 - 1] + window[len / 2]);
    }
}
