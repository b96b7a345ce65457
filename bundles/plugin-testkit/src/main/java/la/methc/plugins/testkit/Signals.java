package la.methc.plugins.testkit;

/**
 * Measurements of a signal for assertions (frequency, RMS, peak, mean, largest step between frames) and test signals.
 * Pure functions: any thread.
 */
public final class Signals {

    private Signals() {
    }

    /**
     * The frequency of a periodic signal in Hz, from its upward zero crossings, each located by linear
     * interpolation between the two frames around it; NaN with fewer than two crossings.
     */
    public static double frequency(float[] x, double sampleRate) {
        double first = Double.NaN;
        double last = Double.NaN;
        int crossings = 0;
        for (int i = 1; i < x.length; i++) {
            float a = x[i - 1];
            float b = x[i];
            if (a < 0f && b >= 0f) {
                double t = (i - 1) + (double) -a / ((double) b - a);
                if (crossings == 0) {
                    first = t;
                }
                last = t;
                crossings++;
            }
        }
        if (crossings < 2) {
            return Double.NaN;
        }
        return (crossings - 1) * sampleRate / (last - first);
    }

    /** The root mean square of all frames; 0 for no frames. */
    public static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(sum / x.length);
    }

    /** The largest absolute value. */
    public static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    /** The mean of all frames (the DC offset); 0 for no frames. */
    public static double mean(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /** The largest absolute difference between neighbouring frames: a phase jump shows up here. */
    public static double maxStep(float[] x) {
        double m = 0;
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, Math.abs((double) x[i] - x[i - 1]));
        }
        return m;
    }

    /** Frames {@code [from, to)} of {@code x}. */
    public static float[] slice(float[] x, int from, int to) {
        return java.util.Arrays.copyOfRange(x, from, to);
    }

    /** {@code frames} frames of white noise, uniform in [-1, 1), the same for the same {@code seed}. */
    public static float[] noise(long seed, int frames) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        return x;
    }
}
