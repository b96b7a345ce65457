package la.methc.plugins.sampler.internal;

/**
 * The kernels of {@link Play}: none, linear and cubic interpolation over runs of output frames, and the single
 * frames at a buffer's ends or a loop's seam. Static methods of one final class, each call site bound to one
 * target, so the JIT inlines them into the play synth's loop as it did when they were part of {@code Play}.
 *
 * <p>A run's positions are {@code p + j * step} (double) or {@code pFix + j * sFix} (32.32 fixed point, frame
 * {@code x} at {@code x << 32}); {@link #run} and {@link #runFixed} count them with the same expressions the
 * kernels use, so a kernel never reads past the frames the count allows. At a whole-frame position every mode
 * returns that frame exactly.
 */
final class Interpolation {

    static final int NONE = 0;
    static final int LINEAR = 1;
    static final int CUBIC = 2;

    /** 1.0 in 32.32 fixed point. */
    static final double ONE = 0x1p32;
    /** Steps and positions the fixed-point path takes: far from overflowing a long in a 64-frame block. */
    static final double MAX_FIXED_STEP = 0x1p20;
    static final double MAX_FIXED_POSITION = 0x1p30;
    /** 1.0 in 32.32 fixed point, as the long the kernels step with. */
    private static final long ONE_FIX = 1L << 32;
    /**
     * Steps within this of 1 (an eighth of a frame: rates within 12.5% of the buffer's, detuning and 44.1/48 kHz
     * conversion among them) take {@link CubicVectors} or {@link #cubicNearOne}: the frames of 8 samples in a row
     * carry at most once, and stretches average 8 samples or more.
     */
    private static final long NEAR_ONE = ONE_FIX >> 3;

    /**
     * Whether {@link #hermite} fuses its multiply-adds: decided once, NRT (this class is initialised where the
     * first play synth is constructed, see {@link #load}), and a constant the JIT folds.
     */
    private static final boolean FUSED = FusedMultiplyAdd.available();

    static {
        // the vector kernel, where the VM has it, turns itself on once compiled (PlaySynthDef starts it earlier)
        VectorKernel.start();
    }

    private Interpolation() {
    }

    /**
     * NRT. Loads and initialises this class, which may wait for the FMA probe: called where play synths are
     * constructed, so that neither happens on the RT thread at a synth's first block.
     */
    static void load() {
        // nothing else to do: the static initialiser has run
    }

    /**
     * RT. How many of the next {@code max} positions {@code p + j * step} (j = 0, 1, ...) lie in
     * {@code [lo, hi)}, counting from j = 0: 0 when {@code p} itself is outside. The kernels compute the
     * positions with the same expression, so the count is exact, not an estimate.
     */
    static int run(double p, double step, int lo, int hi, int max) {
        if (!(p >= lo && p < hi)) {
            return 0;
        }
        if (step == 0) {
            return max;
        }
        double room = step > 0 ? Math.ceil((hi - p) / step) : Math.floor((lo - p) / step) + 1;
        int k = room >= max ? max : (int) room;
        // the division may round across a boundary: step back until the last position is inside
        while (k > 1) {
            double q = p + (k - 1) * step;
            if (q >= lo && q < hi) {
                break;
            }
            k--;
        }
        return k;
    }

    /**
     * RT. As {@link #run} for positions in 32.32 fixed point ({@code pFix + j * sFix}, frame {@code x} at
     * {@code x << 32}): integer arithmetic, so the count is exact by construction.
     */
    static int runFixed(long pFix, long sFix, int lo, int hi, int max) {
        long loFix = (long) lo << 32;
        long hiFix = (long) hi << 32;
        if (pFix < loFix || pFix >= hiFix) {
            return 0;
        }
        // the usual case, the whole block inside: one multiply instead of a 64-bit division
        long last = pFix + (max - 1) * sFix;
        if (last >= loFix && last < hiFix) {
            return max;
        }
        long room;
        if (sFix > 0) {
            room = (hiFix - pFix + sFix - 1) / sFix;
        } else if (sFix < 0) {
            room = (pFix - loFix) / -sFix + 1;
        } else {
            return max;
        }
        return room >= max ? max : (int) room;
    }

    /**
     * RT. Linear interpolation at positions in 32.32 fixed point, which stay in [lo, n - 1) ({@link #runFixed}),
     * so frame x + 1 exists: by {@link LinearVectors} where {@link VectorKernel#linearOn} (it takes steps near 1 and
     * leaves the rest to {@link #linearEach}), else sample by sample; the same output bit for bit either way.
     */
    static void linear(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        if (VectorKernel.linearOn()) {
            LinearVectors.linear(src, dst, di, k, pFix, sFix);
        } else {
            linearEach(src, dst, di, k, pFix, sFix);
        }
    }

    /** RT. {@link #linear} sample by sample, in double: the reference every other form of it matches. */
    static void linearEach(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        long q = pFix;
        for (int j = 0; j < k; j++) {
            int x = (int) (q >> 32);
            double a = src[x];
            // in double, with the whole 32-bit fraction: as exact as the double kernel this replaced
            dst[di + j] = (float) (a + (q & 0xFFFF_FFFFL) * 0x1p-32 * (src[x + 1] - a));
            q += sFix;
        }
    }

    /**
     * RT. Cubic interpolation at positions in 32.32 fixed point, which stay in [lo + 1, n - 2) ({@link #runFixed}),
     * so frames x - 1 to x + 2 exist. In fixed point the position advances by an integer add and splits into frame
     * and fraction with a shift and a mask: 1.5 times faster than the same kernel with double positions (JMH
     * {@code VoiceBlockBenchmark}), and this loop is where a play synth spends its time. A step within an eighth of
     * a frame of 1 goes by {@link CubicVectors} where {@link VectorKernel#on}, else by {@link #cubicNearOne}: the
     * same output as {@link #cubicEach}, bit for bit, either way (ADR 0016).
     */
    static void cubic(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        long e = sFix - ONE_FIX;
        if (e > -NEAR_ONE && e < NEAR_ONE) {
            if (VectorKernel.on()) {
                CubicVectors.cubic(src, dst, di, k, pFix, sFix);
            } else {
                cubicNearOne(src, dst, di, k, pFix, sFix, e);
            }
            return;
        }
        cubicEach(src, dst, di, k, pFix, sFix);
    }

    /** RT. {@link #cubic} sample by sample: the 4 neighbours loaded at each position's frame. */
    static void cubicEach(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        long q = pFix;
        for (int j = 0; j < k; j++) {
            int x = (int) (q >> 32);
            dst[di + j] = hermite(src[x - 1], src[x], src[x + 1], src[x + 2], fraction(q));
            q += sFix;
        }
    }

    /**
     * RT. {@link #cubic} for a step {@code 1 + e} (32.32) with {@code |e| < 1/8}: the run is cut into stretches
     * over which the frame moves on by exactly 1 a sample ({@link #stretch}). Within one the 4 neighbours slide
     * (one load a sample, at an index the JIT proves in bounds once for the whole stretch) and the fraction is the
     * low word of the position stepping by {@code e} in int: the same taps and fractions as the plain loop, so
     * the same output (ADR 0016; the figures: docs/notes/2026-12-06-cubic-stretches.md).
     */
    static void cubicNearOne(float[] src, float[] dst, int di, int k, long pFix, long sFix, long e) {
        long q = pFix;
        int j = 0;
        while (j < k) {
            int m = stretch(q, e, k - j);
            cubicStretch(src, dst, di + j, m, (int) (q >> 32), (int) q, (int) e);
            q += m * sFix;
            j += m;
        }
    }

    /**
     * RT. How many positions {@code q + i * (1 + e)} (32.32, i = 0, 1, ...; at most {@code max}) keep the carry out
     * of the low word that position {@code q} has, i.e. lie at frames {@code x + i}: at least 1. {@code e}, the step
     * less one frame in 32.32, is within (-1, 1) frame, as {@link #cubicNearOne} calls it.
     */
    static int stretch(long q, long e, int max) {
        long low = q & 0xFFFF_FFFFL;
        // the usual case, no carry before max (at rate 1.001 every block but one in 750): no division
        long last = low + (max - 1) * e;
        if (last >= 0 && last < ONE_FIX) {
            return max;
        }
        long m;
        if (e > 0) {
            // low + i * e < 2^32
            m = (ONE_FIX - low + e - 1) / e;
        } else if (e < 0) {
            // low + i * e >= 0
            m = low / -e + 1;
        } else {
            return max;
        }
        return m >= max ? max : (int) m;
    }

    /**
     * RT. {@code m} frames of {@link #cubic} at frames {@code x, x + 1, ...} and fractions from the low words
     * {@code t, t + e, ...} (int arithmetic wraps as the low word of the long position does; no carry within the
     * stretch). {@code x - 1} and {@code x + m + 1} are in the buffer ({@link #runFixed}).
     */
    static void cubicStretch(float[] src, float[] dst, int di, int m, int x, int t, int e) {
        float xm1 = src[x - 1];
        float x0 = src[x];
        float x1 = src[x + 1];
        int low = t;
        for (int i = 0; i < m; i++) {
            float x2 = src[x + 2 + i];
            dst[di + i] = hermite(xm1, x0, x1, x2, (low >>> 8) * 0x1p-24f);
            xm1 = x0;
            x0 = x1;
            x1 = x2;
            low += e;
        }
    }

    /** RT. The fraction of a 32.32 fixed-point position, to 24 bits (a float's precision); exactly 0 at a frame. */
    static float fraction(long q) {
        return (int) ((q >>> 8) & 0xFF_FFFF) * 0x1p-24f;
    }

    /** RT. Whole-frame positions moving by whole frames: the frames themselves. */
    static void copy(float[] src, float[] dst, int di, int k, double p, double step) {
        int x = (int) p;
        if (step == 1) {
            System.arraycopy(src, x, dst, di, k);
            return;
        }
        // |step| < numFrames whenever k > 1, so it fits in an int
        int s = (int) step;
        for (int j = 0; j < k; j++) {
            dst[di + j] = src[x + j * s];
        }
    }

    /** RT. No interpolation: the frame under the playhead. Positions stay in [lo, n). */
    static void nearest(float[] src, float[] dst, int di, int k, double p, double step) {
        for (int j = 0; j < k; j++) {
            dst[di + j] = src[(int) (p + j * step)];
        }
    }

    /**
     * RT. The 4-point, 3rd-order Hermite (Catmull-Rom) interpolation between {@code x0} (f = 0) and {@code x1}
     * (f = 1); it reproduces polynomials up to degree 2 and returns {@code x0} exactly at f = 0. In float: the
     * samples are float and so is the result, and float arithmetic costs half the time of double here (JMH
     * {@code VoiceBlockBenchmark}, play_cubic), which is where the play synth spends its time. Fused
     * multiply-adds where the CPU has them ({@link #hermiteFused}, ADR 0010), so the last bit may differ between
     * machines.
     */
    static float hermite(float xm1, float x0, float x1, float x2, float f) {
        return FUSED ? hermiteFused(xm1, x0, x1, x2, f) : hermitePlain(xm1, x0, x1, x2, f);
    }

    /** RT. {@link #hermite} in separate multiplies and adds. */
    static float hermitePlain(float xm1, float x0, float x1, float x2, float f) {
        // Laurent de Soras' arrangement of the same polynomial: 11 operations instead of 16
        float c = 0.5f * (x1 - xm1);
        float v = x0 - x1;
        float w = c + v;
        float a = w + v + 0.5f * (x2 - x0);
        float b = w + a;
        return ((a * f - b) * f + c) * f + x0;
    }

    /**
     * RT. {@link #hermitePlain} with its multiply-adds fused: 4 instructions fewer a sample and one rounding each
     * (the kernel's loop alone 11% faster, JMH {@code VoiceBlockBenchmark} play_cubic 147 instead of 155 ns a
     * block); still {@code x0} exactly at f = 0. Only where {@link FusedMultiplyAdd#available}.
     */
    static float hermiteFused(float xm1, float x0, float x1, float x2, float f) {
        float c = 0.5f * (x1 - xm1);
        float v = x0 - x1;
        float w = c + v;
        float a = Math.fma(0.5f, x2 - x0, w + v);
        float b = w + a;
        return Math.fma(Math.fma(Math.fma(a, f, -b), f, c), f, x0);
    }

    /**
     * RT. One frame at position {@code x + f} near the ends of the buffer or the loop: neighbours outside
     * {@code [0, n)} (one-shot) are the edge frames; outside the loop {@code [loopStart, n)} they wrap.
     */
    static float seam(float[] src, int x, double f, int mode, boolean looping, int loopStart, int len, int n) {
        if (mode == NONE || f == 0) {
            return src[x];
        }
        double x0 = src[x];
        double x1 = src[neighbour(x + 1, looping, loopStart, len, n)];
        if (mode == LINEAR) {
            return (float) (x0 + f * (x1 - x0));
        }
        float xm1 = src[neighbour(x - 1, looping, loopStart, len, n)];
        float x2 = src[neighbour(x + 2, looping, loopStart, len, n)];
        return hermite(xm1, (float) x0, (float) x1, x2, (float) f);
    }

    private static int neighbour(int x, boolean looping, int loopStart, int len, int n) {
        if (looping) {
            return x >= n || x < loopStart ? Positions.wrap(x, loopStart, len) : x;
        }
        return x < 0 ? 0 : x >= n ? n - 1 : x;
    }
}
