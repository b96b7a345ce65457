package la.methc.plugins.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cubic kernel's runs near rate 1 ({@code Interpolation.cubicNearOne}), scalar and vector ({@link CubicVectors},
 * which the tests' VM has: surefire adds {@code jdk.incubator.vector}), and the linear vector kernel
 * ({@link LinearVectors}), against the sample-by-sample forms.
 */
class InterpolationTest {

    private static final long ONE = 1L << 32;

    @Test
    void stretchCountsThePositionsBeforeTheNextCarry() {
        // low word 2^32 - 10 stepping by +3: -10, -7, -4, -1 below 2^32, then a carry
        assertEquals(4, Interpolation.stretch((5L << 32) + ONE - 10, 3, 64));
        // by +10 the second position carries already; by +11 too
        assertEquals(1, Interpolation.stretch((5L << 32) + ONE - 10, 10, 64));
        assertEquals(1, Interpolation.stretch((5L << 32) + ONE - 10, 11, 64));
        // low word 10 stepping by -3: 10, 7, 4, 1, then a borrow; by -5: 10, 5, 0
        assertEquals(4, Interpolation.stretch((5L << 32) + 10, -3, 64));
        assertEquals(3, Interpolation.stretch((5L << 32) + 10, -5, 64));
        // at most max; a step of exactly one frame never carries
        assertEquals(2, Interpolation.stretch((5L << 32) + 10, -3, 2));
        assertEquals(64, Interpolation.stretch(5L << 32, 0, 64));
    }

    @Test
    void cubicNearRateOneGivesTheSampleBySampleOutputBitForBit() {
        checkCubicNearRateOne();
    }

    @Test
    void theVectorKernelTurnsOnAndGivesTheSameOutputBitForBit() throws InterruptedException {
        assumeTrue(FusedMultiplyAdd.available() && CubicVectors.supported(), "no FMA or no 256-bit vectors here");
        VectorKernel.start();
        awaitVectorKernel();
        checkCubicNearRateOne();
    }

    @Test
    void theVectorKernelIsTheSampleBySampleKernelBitForBit() throws InterruptedException {
        assumeTrue(FusedMultiplyAdd.available() && CubicVectors.supported(), "no FMA or no 256-bit vectors here");
        // the dispatch takes a width only once it is warm: until then this would compare the scalar kernels
        VectorKernel.start();
        awaitVectorKernel();
        checkAgainstEach(CubicVectors::cubic, ONE >> 3, 1018);
    }

    /** Both widths, whatever this CPU's (where it has no 512-bit vectors, the API computes 16 lanes one by one). */
    @Test
    void eachVectorWidthIsTheSampleBySampleKernelBitForBit() {
        assumeTrue(FusedMultiplyAdd.available() && CubicVectors.supported(), "no FMA or no 256-bit vectors here");
        checkAgainstEach(CubicVectors::cubic8, ONE >> 3, 1019);
        checkAgainstEach(CubicVectors::cubic16, ONE >> 4, 1020);
    }

    /**
     * The linear vector kernel against the sample-by-sample one, called directly (so on any CPU, warm or not), at steps
     * near 1 and beyond the kernel's limit (which it leaves to the scalar loop), positions often at either end.
     */
    @Test
    void theLinearVectorKernelIsTheSampleBySampleKernelBitForBit() {
        assumeTrue(LinearVectors.supported(), "no 256-bit vectors here");
        checkLinear(LinearVectors::linear, 2 * ONE / LinearVectors.lanes(), 1021);
    }

    /** Once warm, the dispatch takes the vectors (the tests' VM has the module) and gives the same bits. */
    @Test
    void theLinearDispatchIsTheSampleBySampleKernelBitForBit() throws InterruptedException {
        assumeTrue(FusedMultiplyAdd.available() && CubicVectors.supported() && LinearVectors.supported(),
                "no FMA or no 256-bit vectors here");
        VectorKernel.start();
        awaitVectorKernel();
        assertTrue(VectorKernel.linearOn());
        checkLinear(Interpolation::linear, 2 * ONE / LinearVectors.lanes(), 1022);
    }

    /**
     * 50,000 random runs of a linear {@code kernel} at steps within {@code near} of 1 against
     * {@link Interpolation#linearEach}, bit for bit, and against linear interpolation computed here in double at the
     * exact position (to float precision), which does not share the kernel's code.
     */
    private static void checkLinear(Kernel kernel, long near, long seed) {
        checkAgainst(kernel, Interpolation::linearEach, near, seed, 0, 1, (src, q) -> {
            int x = (int) (q >> 32);
            double f = (q & 0xFFFF_FFFFL) / (double) ONE;
            return src[x] * (1 - f) + src[x + 1] * f;
        });
    }

    /** A kernel's signature, as {@link Interpolation#cubicEach}'s. */
    private interface Kernel {
        void run(float[] src, float[] dst, int di, int k, long pFix, long sFix);
    }

    /** The exact value an interpolation should give at position {@code q} (32.32) of {@code src}. */
    private interface Exact {
        double at(float[] src, long q);
    }

    /** 50,000 random runs of {@code kernel} at steps within {@code near} of 1 against the sample-by-sample loop. */
    private static void checkAgainstEach(Kernel kernel, long near, long seed) {
        checkAgainst(kernel, Interpolation::cubicEach, near, seed, 1, 2, null);
    }

    /**
     * 50,000 random runs of {@code kernel} at steps within {@code near} of 1 against {@code reference}, bit for bit, at
     * positions in [{@code before}, n - {@code after}) frames for the whole run, as runFixed allows, often right at
     * either end; and, unless null, against {@code exact} to float precision.
     */
    private static void checkAgainst(Kernel kernel, Kernel reference, long near, long seed, int before, int after,
            Exact exact) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] src = noise(random);
        float[] vec = new float[80];
        float[] ref = new float[80];
        for (int trial = 0; trial < 50_000; trial++) {
            int k = 1 + random.nextInt(64);
            long sFix = ONE + random.nextLong(-near + 1, near);
            long first = before * ONE;
            long last = ((long) src.length - after << 32) - 1 - (k - 1) * sFix;
            long pFix = position(random, trial, first, last);
            if (pFix < first || pFix > last) {
                continue;
            }
            kernel.run(src, vec, 5, k, pFix, sFix);
            reference.run(src, ref, 5, k, pFix, sFix);
            for (int j = 0; j < k; j++) {
                String where = "step 1 + " + (sFix - ONE) + "/2^32 from " + pFix + ", sample " + j + " of " + k;
                assertEquals(Float.floatToRawIntBits(ref[5 + j]), Float.floatToRawIntBits(vec[5 + j]), where);
                if (exact != null) {
                    double v = exact.at(src, pFix + j * sFix);
                    assertEquals(v, vec[5 + j], 1e-6 * Math.max(1, Math.abs(v)), where);
                }
            }
        }
    }

    /** 300 samples of noise in [-4, 4), with a few exact zeros and tiny values among them. */
    private static float[] noise(SplittableRandom random) {
        float[] src = new float[300];
        for (int i = 0; i < src.length; i++) {
            src[i] = i % 17 == 0 ? 0f : i % 13 == 0 ? 1e-30f : (float) random.nextDouble(-4, 4);
        }
        return src;
    }

    /** A run's first position in [first, last]: within 3 frames of either end in half the trials. */
    private static long position(SplittableRandom random, int trial, long first, long last) {
        return switch (trial % 4) {
            case 0 -> first + random.nextLong(0, 3 * ONE);
            case 1 -> last - random.nextLong(0, 3 * ONE);
            default -> random.nextLong(first, last);
        };
    }

    /**
     * Waits (up to 100 s: the warm-up's budgets, 20 s a kernel and 10 s for a quiet JIT, add up to 70 s) for the
     * warm-up thread to turn every vector kernel on; asks for the linear one as a linear play synth does, so that it
     * comes without the warm-up's idle wait.
     */
    static void awaitVectorKernel() throws InterruptedException {
        VectorKernel.wantLinear();
        for (int i = 0; i < 1_000 && !VectorKernel.done(); i++) {
            Thread.sleep(100);
        }
        assertTrue(VectorKernel.narrowOn() && (VectorKernel.wideOn() || !CubicVectors.wide()),
                "the cubic vector kernels are on once warm");
        assertTrue(VectorKernel.linearOn(), "the linear vector kernel is on once warm");
    }

    private static void checkCubicNearRateOne() {
        SplittableRandom random = new SplittableRandom(18);
        float[] src = new float[4096];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) random.nextDouble(-1, 1);
        }
        long near = ONE >> 3;
        long[] edges = {0, 1, -1, near - 1, -(near - 1), near, -near, ONE / 1000, -ONE / 1000};
        for (int trial = 0; trial < 20_000; trial++) {
            long e = trial < edges.length ? edges[trial] : random.nextLong(-near - 1000, near + 1000);
            long sFix = ONE + e;
            int k = 1 + random.nextInt(64);
            // the run's positions stay in [1, n - 2), as runFixed allows
            long pFix = random.nextLong(ONE, (long) (src.length - 200) << 32);
            if (trial % 7 == 0) {
                pFix = (pFix >> 32 << 32) + (e > 0 ? ONE - random.nextInt(1, 100) : random.nextInt(0, 100));
            }
            float[] out = new float[70];
            Interpolation.cubic(src, out, 3, k, pFix, sFix);
            for (int j = 0; j < k; j++) {
                long q = pFix + j * sFix;
                int x = (int) (q >> 32);
                float f = (int) ((q >>> 8) & 0xFF_FFFF) * 0x1p-24f;
                float expected = Interpolation.hermite(src[x - 1], src[x], src[x + 1], src[x + 2], f);
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[3 + j]),
                        "step 1 + " + e + "/2^32 from " + pFix + ", sample " + j + " of " + k);
                // and the Catmull-Rom polynomial itself, in double at the exact position (independent of the kernel)
                double p = q / (double) ONE;
                assertEquals(catmullRom(src, p), out[3 + j], 1e-5, "at " + p);
            }
            assertEquals(0f, out[2]);
            assertEquals(0f, out[3 + k]);
        }
    }

    /** The textbook form: (2 x0 + (x1 - xm1) f + (2 xm1 - 5 x0 + 4 x1 - x2) f^2 + (3 x0 - xm1 - 3 x1 + x2) f^3) / 2. */
    private static double catmullRom(float[] s, double p) {
        int x = (int) Math.floor(p);
        double f = p - x;
        double xm1 = s[x - 1];
        double x0 = s[x];
        double x1 = s[x + 1];
        double x2 = s[x + 2];
        return 0.5 * (2 * x0 + (x1 - xm1) * f + (2 * xm1 - 5 * x0 + 4 * x1 - x2) * f * f
                + (3 * x0 - xm1 - 3 * x1 + x2) * f * f * f);
    }
}
