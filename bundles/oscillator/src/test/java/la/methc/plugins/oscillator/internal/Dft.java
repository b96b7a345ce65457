package la.methc.plugins.oscillator.internal;

/**
 * The amplitude of one frequency in a signal, by a DFT sum written here (independent of the code under test).
 * Exact, without leakage, when the frequency makes a whole number of cycles over the signal's length.
 */
final class Dft {

    private Dft() {
    }

    /** The amplitude of the sinusoid at {@code hz} (peak, so a sine of amplitude a gives a; DC gives its mean). */
    static double amplitude(float[] x, double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        // Goertzel recurrence
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (float v : x) {
            double s = v + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double re = s1 - s2 * Math.cos(w);
        double im = s2 * Math.sin(w);
        double mag = Math.hypot(re, im) / x.length;
        return hz == 0 ? mag : 2 * mag;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
