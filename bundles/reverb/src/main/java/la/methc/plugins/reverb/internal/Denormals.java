package la.methc.plugins.reverb.internal;

/** Flushes values too small to hear to 0, so that a dying tail never reaches subnormal floats (slow on x86). */
final class Denormals {

    /** About −360 dB: far below anything audible, far above Float.MIN_NORMAL (1.2e−38). */
    static final float TINY = 1e-18f;

    private Denormals() {
    }

    static float flush(float x) {
        return Math.abs(x) < TINY ? 0f : x;
    }
}
