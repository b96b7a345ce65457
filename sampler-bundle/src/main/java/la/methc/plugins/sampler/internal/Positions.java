package la.methc.plugins.sampler.internal;

/**
 * RT-safe arithmetic on buffer positions shared by {@link Play} and {@link Record}: no allocation, no
 * exception. A buffer of {@code n} frames is played or written over {@code [0, n)}; a loop runs over
 * {@code [start, n)}, {@code len = n - start} frames.
 */
final class Positions {

    private Positions() {
    }

    /**
     * RT. The {@code start} control as a whole frame of a buffer of {@code n} frames: the fraction is dropped,
     * NaN and negative values give 0, values past the last frame give {@code n - 1}.
     */
    static int startFrame(float start, int n) {
        // written so that NaN lands on 0
        if (!(start > 0f)) {
            return 0;
        }
        if (start >= n - 1) {
            return n - 1;
        }
        return (int) start;
    }

    /** RT. {@code p} wrapped into the loop {@code [start, start + len)}; an infinite or NaN {@code p} gives start. */
    static double wrap(double p, int start, int len) {
        double r = (p - start) % len;
        if (r < 0) {
            r += len;
        }
        // r + len may round up to len; an infinite p gives NaN
        if (!(r < len)) {
            r = 0;
        }
        return start + r;
    }

    /** RT. Frame {@code x} wrapped into the loop {@code [start, start + len)}. */
    static int wrap(int x, int start, int len) {
        return start + Math.floorMod(x - start, len);
    }

    /**
     * RT. The playhead or write position {@code p} kept across a re-map to a buffer of {@code n} frames:
     * wrapped into the loop {@code [start, n)} when looping, else clamped into {@code [0, n - 1]}.
     */
    static double keep(double p, int n, boolean looping, int start) {
        if (looping) {
            return p >= n || p < start ? wrap(p, start, n - start) : p;
        }
        if (p >= n) {
            return n - 1;
        }
        // written so that NaN lands on 0
        return p >= 0 ? p : 0;
    }
}
