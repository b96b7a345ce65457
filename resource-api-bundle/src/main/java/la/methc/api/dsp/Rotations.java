package la.methc.api.dsp;

/**
 * The rotations of a sinusoid within a block: {@code cos(2π k inc)} and {@code sin(2π k inc)} for {@code k = 0 …
 * blockSize}, made again only when the increment {@code inc} (cycles per sample) changes. Sample {@code k} of a
 * block that starts at phase {@code θ} is then {@code sin θ · cos[k] + cos θ · sin[k]}: no sample depends on the
 * one before, so the JIT computes several at a time, where a phasor rotated sample by sample is a chain of
 * dependent multiply-adds and a {@code Math.sin} per sample costs several times more (ADR 0025).
 *
 * <p>Entries are within a few units in the last place per step of the exact values; the last one, the whole
 * block's rotation, comes from the trig functions, so that a phase carried from block to block by it does not drift
 * by a block's rounding each block. To carry a phasor on after a block of {@code frames} samples (fewer than the
 * block size in a synth's first block, which starts at an offset), rotate it by entry {@code frames}: the sample
 * after the block's last.
 *
 * <p>Made NRT (in {@code Synth.connect}, where the block size is known: the output's length); {@link #prepare} and
 * the tables RT. One synth's own: not thread-safe. Allocates nothing after construction.
 */
public final class Rotations {

    private static final double TWO_PI = 2 * Math.PI;

    private final double[] cos;
    private final double[] sin;
    /** The increment the tables hold; NaN until the first {@link #prepare}. */
    private double inc = Double.NaN;

    /** NRT. Tables for blocks of up to {@code blockSize} frames (at least 1). */
    public Rotations(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be at least 1: " + blockSize);
        }
        cos = new double[blockSize + 1];
        sin = new double[blockSize + 1];
    }

    /**
     * RT. Makes the tables hold {@code inc}, in cycles per sample (any finite value: only {@code inc mod 1} matters
     * to the samples, and the tables are made from it), unless they do already. About 100 ns for 64 frames when it
     * changed. A NaN or infinite {@code inc} is the caller's to keep out: the tables would be NaN.
     */
    public void prepare(double inc) {
        if (inc == this.inc) {
            return;
        }
        this.inc = inc;
        // reduced first: 2π times a large increment would lose the fraction the samples depend on
        inc -= Math.floor(inc);
        double[] c = cos;
        double[] s = sin;
        int n = c.length - 1;
        double c1 = Math.cos(TWO_PI * inc);
        double s1 = Math.sin(TWO_PI * inc);
        c[0] = 1;
        s[0] = 0;
        int chains = Math.min(4, n);
        for (int k = 1; k <= chains; k++) {
            c[k] = c[k - 1] * c1 - s[k - 1] * s1;
            s[k] = c[k - 1] * s1 + s[k - 1] * c1;
        }
        // entry k is entry k - 4 rotated by 4 steps: four chains side by side instead of one
        double c4 = c[chains];
        double s4 = s[chains];
        for (int k = chains + 1; k <= n; k++) {
            c[k] = c[k - chains] * c4 - s[k - chains] * s4;
            s[k] = c[k - chains] * s4 + s[k - chains] * c4;
        }
        double whole = inc * n;
        whole -= Math.floor(whole);
        c[n] = Math.cos(TWO_PI * whole);
        s[n] = Math.sin(TWO_PI * whole);
    }

    /** RT. {@code cos(2π k inc)} at index {@code k}, {@code 0 … blockSize}: the table itself, to read, never to write. */
    public double[] cos() {
        return cos;
    }

    /** RT. {@code sin(2π k inc)} at index {@code k}, {@code 0 … blockSize}: the table itself, to read, never to write. */
    public double[] sin() {
        return sin;
    }
}
