package la.methc.itests;

/** Measurements of rendered audio. */
final class Signals {

    private Signals() {
    }

    static float peak(float[] x, int from, int to) {
        float p = 0;
        for (int i = from; i < to; i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }

    /** Frequency from the rising zero crossings between {@code from} and {@code to}, interpolated. */
    static double frequency(float[] x, int from, int to, double sampleRate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double t = i - 1 + x[i - 1] / (x[i - 1] - x[i]);
                if (first < 0) {
                    first = t;
                } else {
                    crossings++;
                }
                last = t;
            }
        }
        if (crossings == 0) {
            return 0;
        }
        return crossings * sampleRate / (last - first);
    }
}
