package la.methc.plugins.testkit;

import java.util.Arrays;

/**
 * The whole signals a {@link BlockRunner} copies into its audio inputs block by block, indexed by absolute frame;
 * copying allocates nothing. Threads: the runner's.
 */
final class InputFeed {

    private final float[][] signals;
    /** Per input: whether its signal repeats from its start once it ran out (else silence follows). */
    private final boolean[] loops;

    InputFeed(int inputs) {
        signals = new float[inputs][];
        loops = new boolean[inputs];
    }

    void set(int input, float[] signal, boolean loop) {
        if (loop && signal.length == 0) {
            throw new IllegalArgumentException("an empty signal cannot loop");
        }
        signals[input] = signal.clone();
        loops[input] = loop;
    }

    /** Fills {@code dst} with the frames of input {@code input} from {@code frame0}, silence before {@code offset}. */
    void fill(int input, float[] dst, long frame0, int offset) {
        float[] src = signals[input];
        Arrays.fill(dst, 0f);
        if (src == null) {
            return;
        }
        for (int k = offset; k < dst.length; k++) {
            long f = frame0 + k;
            dst[k] = f < src.length ? src[(int) f] : loops[input] ? src[(int) (f % src.length)] : 0f;
        }
    }
}
