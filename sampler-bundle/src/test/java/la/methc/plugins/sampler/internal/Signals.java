package la.methc.plugins.sampler.internal;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;

/** Test signals and sample-by-sample comparison. */
final class Signals {

    private Signals() {
    }

    /** Uniform noise in [-1, 1), never exactly 0 (so a sign-of-zero slip cannot hide). */
    static float[] noise(long seed, int frames) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            float v;
            do {
                v = (float) (r.nextDouble() * 2 - 1);
            } while (v == 0f);
            s[i] = v;
        }
        return s;
    }

    /** {@code f(i)} for i in [0, frames). */
    static float[] of(int frames, java.util.function.IntToDoubleFunction f) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) f.applyAsDouble(i);
        }
        return s;
    }

    /** Every sample equal, bit for bit (so -0.0 is not 0.0 and NaN is caught), with the first difference named. */
    static void assertSamples(float[] expected, float[] actual, String what) {
        Assertions.assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                Assertions.fail(what + ": frame " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    /** Frames {@code [from, to)} of {@code actual} equal {@code expected[0 ..]}. */
    static void assertSamples(float[] expected, float[] actual, int from, String what) {
        float[] part = new float[expected.length];
        System.arraycopy(actual, from, part, 0, expected.length);
        assertSamples(expected, part, what + " (from frame " + from + ")");
    }

    static void assertSilent(float[] actual, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            if (Float.floatToIntBits(actual[i]) != 0) {
                Assertions.fail(what + ": frame " + i + " should be silent (+0.0), got " + actual[i]);
            }
        }
    }
}
