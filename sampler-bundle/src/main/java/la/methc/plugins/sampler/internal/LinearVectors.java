package la.methc.plugins.sampler.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Interpolation#linear} near rate 1 with the JDK's incubating Vector API: as many samples at a time as the CPU
 * has double lanes (8 with 512-bit vectors, 4 with 256-bit ones), without a gather. As in {@link CubicVectors}, for a
 * step {@code 1 + e} with {@code |e| < 1/L} frame the frames of {@code L} consecutive samples are consecutive but for
 * one carry (or borrow), so both neighbours of each lane are a blend of 3 contiguous loads. Each lane then does
 * {@link Interpolation#linearEach}'s operations in its order, in double: the fraction is the position's whole low
 * word (exact in a double), then a multiply, an add and the rounding to float, never fused. So the output is the
 * scalar kernel's, bit for bit.
 *
 * <p>Loaded only through {@link VectorKernel}, where the VM has the module {@code jdk.incubator.vector} and the
 * bundle is wired to it; RT calls it only once {@link VectorKernel#linearOn} (compiled, allocating nothing).
 */
final class LinearVectors {

    /** Whether the CPU computes 512-bit vectors: 8 double lanes, else 4. */
    private static final boolean WIDE = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    /** The doubles, and floats and ints with as many lanes: constants the JIT folds, so one method serves both. */
    private static final VectorSpecies<Double> DOUBLES = WIDE ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> FLOATS = WIDE ? FloatVector.SPECIES_256 : FloatVector.SPECIES_128;
    private static final VectorSpecies<Integer> INTS = WIDE ? IntVector.SPECIES_256 : IntVector.SPECIES_128;
    private static final int LANES = DOUBLES.length();
    private static final IntVector LANE_INDEX = IntVector.zero(INTS).addIndex(1);
    /** Steps within this of 1 (32.32) carry at most once in {@link #LANES} lanes. */
    private static final long NEAR = (1L << 32) / LANES;

    private LinearVectors() {
    }

    /** NRT. Whether the CPU has 256-bit vectors for doubles (where it has not, the API computes lane by lane). */
    static boolean supported() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    /** NRT (the log, tests). Samples computed at a time. */
    static int lanes() {
        return LANES;
    }

    /**
     * RT once {@link VectorKernel#linearOn}. {@link Interpolation#linear}: positions in [0, src.length - 1) as
     * {@link Interpolation#runFixed} allows. Steps within {@code 1/LANES} of a frame of 1 and runs of at least
     * {@code LANES} go by vectors (a run ends with a group that overlaps the one before, those samples computed twice
     * to the same bits; groups whose loads would leave the array go sample by sample); the rest by
     * {@link Interpolation#linearEach}.
     */
    static void linear(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        long d = sFix - (1L << 32);
        if (k < LANES || d <= -NEAR || d >= NEAR) {
            Interpolation.linearEach(src, dst, di, k, pFix, sFix);
            return;
        }
        int e = (int) d;
        // one loop, no vector passed to a call or live across one: the JIT keeps every vector in a register
        for (int j = 0; j < k; j += LANES) {
            if (j > k - LANES) {
                j = k - LANES;
            }
            long q = pFix + j * sFix;
            int x = (int) (q >> 32);
            int t = (int) q;
            // frames x + lane, one further from the lane that carried on (e >= 0); or x + lane until a lane
            // borrows, x + lane - 1 from there on (e < 0): 3 loads from base on
            int base = e >= 0 ? x : x - 1;
            if (base < 0 || base + LANES + 2 > src.length) {
                Interpolation.linearEach(src, dst, di + j, LANES, q, sFix);
                continue;
            }
            // the lanes' low words, and (compared unsigned, by flipping the sign bits) those one frame further on
            IntVector lows = LANE_INDEX.mul(e).add(t);
            IntVector flipped = lows.lanewise(VectorOperators.XOR, Integer.MIN_VALUE);
            VectorMask<Integer> further = e >= 0
                    ? flipped.compare(VectorOperators.LT, t ^ Integer.MIN_VALUE)
                    : flipped.compare(VectorOperators.LE, t ^ Integer.MIN_VALUE);
            VectorMask<Float> m = further.cast(FLOATS);
            FloatVector a0 = FloatVector.fromArray(FLOATS, src, base);
            FloatVector a1 = FloatVector.fromArray(FLOATS, src, base + 1);
            FloatVector a2 = FloatVector.fromArray(FLOATS, src, base + 2);
            DoubleVector a = (DoubleVector) a0.blend(a1, m).convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector b = (DoubleVector) a1.blend(a2, m).convertShape(VectorOperators.F2D, DOUBLES, 0);
            // the low word unsigned, exactly: the flipped (signed) word plus 2^31
            DoubleVector low = ((DoubleVector) flipped.convertShape(VectorOperators.I2D, DOUBLES, 0)).add(0x1p31);
            DoubleVector v = a.add(low.mul(0x1p-32).mul(b.sub(a)));
            ((FloatVector) v.convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(dst, di + j);
        }
    }
}
