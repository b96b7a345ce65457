package la.methc.plugins.sampler.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Interpolation#cubic} near rate 1 with the JDK's incubating Vector API, 8 or 16 samples at a time, without
 * a gather (slow and allocating on JDK 17). For a step {@code 1 + e} with {@code |e| < 1/L} frame, the frames of
 * {@code L} consecutive samples are {@code x, x + 1, ..., x + L - 1} except that from some lane on they are one
 * further (the low word of the position carried) or, for {@code e < 0}, one less before that lane (it borrowed).
 * So the 4 neighbours of each lane are a blend of 5 contiguous loads, chosen by the lanes' carry, itself a
 * comparison of the lanes' low words. Each lane does {@link Interpolation#hermiteFused}'s operations in its order
 * (a lane-wise {@code fma} is {@link Math#fma}) on the same 24-bit fraction: the same output bit for bit as
 * {@link Interpolation#cubicEach}, whichever width computes it. 16 lanes ({@link #cubic16}) only where the CPU
 * has 512-bit vectors (ADR 0021), where a group of 16 costs about what one of 8 does.
 *
 * <p>Loaded only through {@link VectorKernel}, where the VM has the module {@code jdk.incubator.vector} and the
 * bundle is wired to it (an optional import); until the JIT has compiled it, vector code allocates a box per
 * operation, so RT calls it only once {@link VectorKernel} has seen it allocate nothing (ADR 0016).
 */
final class CubicVectors {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
    private static final int LANES = 8;
    private static final IntVector LANE_INDEX = IntVector.zero(INTS).addIndex(1);
    private static final FloatVector HALF = FloatVector.broadcast(FLOATS, 0.5f);

    private static final VectorSpecies<Float> WIDE_FLOATS = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> WIDE_INTS = IntVector.SPECIES_512;
    private static final int WIDE_LANES = 16;
    private static final IntVector WIDE_LANE_INDEX = IntVector.zero(WIDE_INTS).addIndex(1);
    private static final FloatVector WIDE_HALF = FloatVector.broadcast(WIDE_FLOATS, 0.5f);
    /** Whether the CPU computes 512-bit vectors (else the API would go lane by lane): a constant the JIT folds. */
    private static final boolean WIDE = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    /** Steps within this of 1 (a sixteenth of a frame, 32.32) carry at most once in 16 lanes. */
    private static final long WIDE_NEAR = 1L << 28;

    private CubicVectors() {
    }

    /** NRT. Whether the CPU has 256-bit vectors for floats (where it has not, the API computes lane by lane). */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    /**
     * RT once {@link VectorKernel#on}. {@link Interpolation#cubic} in its fused form for a step within an eighth of
     * a frame of 1 ({@code sFix}, 32.32), positions in [1, src.length - 2) as {@link Interpolation#runFixed}
     * allows: 16 lanes at a time where the CPU has them, the step is within a sixteenth and the run 16 or longer
     * ({@link VectorKernel#wideOn}, warmed first), else 8 lanes ({@link VectorKernel#narrowOn}), each once it is warm,
     * else the scalar stretches. A run ends with a group that overlaps the one before (those samples computed
     * twice, to the same bits) rather than with a scalar tail; groups whose 5 loads would leave the array (within a
     * frame of its ends) go sample by sample.
     */
    static void cubic(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        long e = sFix - (1L << 32);
        if (WIDE && k >= WIDE_LANES && e > -WIDE_NEAR && e < WIDE_NEAR && VectorKernel.wideOn()) {
            cubic16(src, dst, di, k, pFix, sFix);
        } else if (VectorKernel.narrowOn()) {
            cubic8(src, dst, di, k, pFix, sFix);
        } else {
            Interpolation.cubicNearOne(src, dst, di, k, pFix, sFix, e);
        }
    }

    /** NRT. Whether {@link #cubic} computes 16 lanes at a time where it can: the CPU has 512-bit vectors. */
    static boolean wide() {
        return WIDE;
    }

    /** RT once {@link VectorKernel#narrowOn}. {@link #cubic} 8 lanes at a time, for a step within an eighth of 1. */
    static void cubic8(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        if (k < LANES) {
            Interpolation.cubicEach(src, dst, di, k, pFix, sFix);
            return;
        }
        int e = (int) (sFix - (1L << 32));
        // one loop, no vector passed to a call or live across one: the JIT keeps every vector in a register
        for (int j = 0; j < k; j += LANES) {
            if (j > k - LANES) {
                j = k - LANES;
            }
            long q = pFix + j * sFix;
            int x = (int) (q >> 32);
            int t = (int) q;
            // frames x + lane, one further from the lane that carried on (e >= 0); or x + lane until a lane
            // borrows, x + lane - 1 from there on (e < 0): 5 loads from base - 1 on
            int base = e >= 0 ? x : x - 1;
            if (base < 1 || base + LANES + 3 > src.length) {
                Interpolation.cubicEach(src, dst, di + j, LANES, q, sFix);
                continue;
            }
            // the lanes' low words, and (compared unsigned, by flipping the sign bits) those one frame further on
            IntVector lows = LANE_INDEX.mul(e).add(t);
            IntVector flipped = lows.lanewise(VectorOperators.XOR, Integer.MIN_VALUE);
            VectorMask<Integer> further = e >= 0
                    ? flipped.compare(VectorOperators.LT, t ^ Integer.MIN_VALUE)
                    : flipped.compare(VectorOperators.LE, t ^ Integer.MIN_VALUE);
            VectorMask<Float> m = further.cast(FLOATS);
            FloatVector a0 = FloatVector.fromArray(FLOATS, src, base - 1);
            FloatVector a1 = FloatVector.fromArray(FLOATS, src, base);
            FloatVector a2 = FloatVector.fromArray(FLOATS, src, base + 1);
            FloatVector a3 = FloatVector.fromArray(FLOATS, src, base + 2);
            FloatVector a4 = FloatVector.fromArray(FLOATS, src, base + 3);
            FloatVector xm1 = a0.blend(a1, m);
            FloatVector x0 = a1.blend(a2, m);
            FloatVector x1 = a2.blend(a3, m);
            FloatVector x2 = a3.blend(a4, m);
            FloatVector f = ((FloatVector) lows.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0))
                    .mul(0x1p-24f);
            FloatVector c = x1.sub(xm1).mul(HALF);
            FloatVector v = x0.sub(x1);
            FloatVector w = c.add(v);
            FloatVector a = x2.sub(x0).fma(HALF, w.add(v));
            FloatVector b = w.add(a);
            a.fma(f, b.neg()).fma(f, c).fma(f, x0).intoArray(dst, di + j);
        }
    }

    /**
     * RT once {@link VectorKernel#wideOn}. {@link #cubic} 16 lanes at a time, for a step within a sixteenth of a
     * frame of 1 (so that 16 lanes carry at most once); runs shorter than 16 go sample by sample. The same
     * operations as {@link #cubic8}, lane for lane: a method of its own with its own constants, since the JIT
     * compiles vector code only where the species is a constant (a shared method taking the species, too large to
     * be inlined, would box every vector). A change to one is a change to the other.
     */
    static void cubic16(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        if (k < WIDE_LANES) {
            Interpolation.cubicEach(src, dst, di, k, pFix, sFix);
            return;
        }
        int e = (int) (sFix - (1L << 32));
        for (int j = 0; j < k; j += WIDE_LANES) {
            if (j > k - WIDE_LANES) {
                j = k - WIDE_LANES;
            }
            long q = pFix + j * sFix;
            int x = (int) (q >> 32);
            int t = (int) q;
            int base = e >= 0 ? x : x - 1;
            if (base < 1 || base + WIDE_LANES + 3 > src.length) {
                Interpolation.cubicEach(src, dst, di + j, WIDE_LANES, q, sFix);
                continue;
            }
            IntVector lows = WIDE_LANE_INDEX.mul(e).add(t);
            IntVector flipped = lows.lanewise(VectorOperators.XOR, Integer.MIN_VALUE);
            VectorMask<Integer> further = e >= 0
                    ? flipped.compare(VectorOperators.LT, t ^ Integer.MIN_VALUE)
                    : flipped.compare(VectorOperators.LE, t ^ Integer.MIN_VALUE);
            VectorMask<Float> m = further.cast(WIDE_FLOATS);
            FloatVector a0 = FloatVector.fromArray(WIDE_FLOATS, src, base - 1);
            FloatVector a1 = FloatVector.fromArray(WIDE_FLOATS, src, base);
            FloatVector a2 = FloatVector.fromArray(WIDE_FLOATS, src, base + 1);
            FloatVector a3 = FloatVector.fromArray(WIDE_FLOATS, src, base + 2);
            FloatVector a4 = FloatVector.fromArray(WIDE_FLOATS, src, base + 3);
            FloatVector xm1 = a0.blend(a1, m);
            FloatVector x0 = a1.blend(a2, m);
            FloatVector x1 = a2.blend(a3, m);
            FloatVector x2 = a3.blend(a4, m);
            FloatVector f = ((FloatVector) lows.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0))
                    .mul(0x1p-24f);
            FloatVector c = x1.sub(xm1).mul(WIDE_HALF);
            FloatVector v = x0.sub(x1);
            FloatVector w = c.add(v);
            FloatVector a = x2.sub(x0).fma(WIDE_HALF, w.add(v));
            FloatVector b = w.add(a);
            a.fma(f, b.neg()).fma(f, c).fma(f, x0).intoArray(dst, di + j);
        }
    }
}
