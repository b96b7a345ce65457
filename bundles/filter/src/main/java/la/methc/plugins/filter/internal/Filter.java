package la.methc.plugins.filter.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * A topology-preserving-transform state-variable filter (Zavalishin; Simper's "SvfLinearTrapOptimised2"):
 * two trapezoidal integrators, g = tan(π·cutoff/fs), k = 1/q, 12 dB/octave. Its response is that of the analog
 * prototype through the bilinear transform prewarped at the cutoff: with Ω = tan(πf/fs)/g, lowpass 1/D,
 * highpass −Ω²/D, bandpass jkΩ/D, D = 1 − Ω² + jkΩ. The bandpass is scaled by k so that its peak is 0 dB at
 * the cutoff whatever q (unscaled it would peak at q, +40 dB at q = 100).
 *
 * <p>Stable for every g > 0 and k > 0 (the integrator states are only ever scaled by a1 = 1/(1 + g(g + k)) in
 * (0, 1)), also while g and k change. Inputs are clamped: the cutoff to [1 Hz, 0.499·fs] (just below Nyquist,
 * where g is finite), q to [0.001, 1000]; a NaN or infinite control holds the last good value.
 *
 * <p>g and k glide to their targets like a one-pole smoother of their logarithms (time constant
 * {@link #GLIDE_SECONDS}), so a cutoff or q jump between blocks does not click.
 */
final class Filter implements Synth {

    static final int LOWPASS = 0;
    static final int HIGHPASS = 1;
    static final int BANDPASS = 2;

    static final float MIN_CUTOFF = 1f;
    /** Of the sample rate: tan(0.499π) ≈ 318, finite. */
    static final double MAX_CUTOFF_RATIO = 0.499;
    static final float MIN_Q = 0.001f;
    static final float MAX_Q = 1000f;
    static final double GLIDE_SECONDS = 0.002;
    /** Relative distance to the target under which the glide snaps to it. */
    private static final double SNAP = 1e-7;
    /** States smaller than this are flushed to 0 after a block, so silence does not decay into denormals. */
    private static final double TINY = 1e-30;

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.audioInput("in"),
            PortDescriptor.controlInput("cutoff", 1000f),
            PortDescriptor.controlInput("q", 0.707f),
            PortDescriptor.audioOutput("out"));

    /** out = c0·in + c1·k·band + c2·low, per mode. */
    private final double c0;
    private final double c1;
    private final double c2;

    private float[] in;
    private float[] cutoff;
    private float[] q;
    private float[] out;

    private double lastCutoff = 1000;
    private double lastQ = 0.707;
    private boolean started;
    private double g;
    private double k;
    /** The integrators' states (Simper's ic1eq, ic2eq). */
    private double s1;
    private double s2;

    Filter(int mode) {
        c0 = mode == HIGHPASS ? 1 : 0;
        c1 = mode == HIGHPASS ? -1 : mode == BANDPASS ? 1 : 0;
        c2 = mode == HIGHPASS ? -1 : mode == LOWPASS ? 1 : 0;
    }

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case 0 -> in = data;
            case 1 -> cutoff = data;
            case 2 -> q = data;
            default -> out = data;
        }
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        if (frames <= 0) {
            return;
        }
        double fs = world.sampleRate();
        float fc = cutoff[0];
        if (Float.isFinite(fc)) {
            lastCutoff = Math.min(Math.max(fc, MIN_CUTOFF), MAX_CUTOFF_RATIO * fs);
        }
        float qv = q[0];
        if (Float.isFinite(qv)) {
            lastQ = Math.min(Math.max(qv, MIN_Q), MAX_Q);
        }
        double gTarget = Math.tan(Math.PI * lastCutoff / fs);
        double kTarget = 1 / lastQ;
        if (!started) {
            // the first block starts at its controls: nothing to glide from
            started = true;
            g = gTarget;
            k = kTarget;
        }
        if (Math.abs(g - gTarget) <= SNAP * gTarget && Math.abs(k - kTarget) <= SNAP * kTarget) {
            g = gTarget;
            k = kTarget;
            steady(offset, frames);
        } else {
            glide(offset, frames, gTarget, kTarget, Math.exp(-frames / (GLIDE_SECONDS * fs)));
        }
        if (Math.abs(s1) < TINY) {
            s1 = 0;
        }
        if (Math.abs(s2) < TINY) {
            s2 = 0;
        }
    }

    /** Fixed coefficients for the whole block. */
    private void steady(int offset, int frames) {
        double a1 = 1 / (1 + g * (g + k));
        double a2 = g * a1;
        double a3 = g * a2;
        double ck = c1 * k;
        double ic1 = s1;
        double ic2 = s2;
        for (int i = offset, end = offset + frames; i < end; i++) {
            double v0 = in[i];
            double v3 = v0 - ic2;
            double v1 = a1 * ic1 + a2 * v3;
            double v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = 2 * v1 - ic1;
            ic2 = 2 * v2 - ic2;
            out[i] = (float) (c0 * v0 + ck * v1 + c2 * v2);
        }
        s1 = ic1;
        s2 = ic2;
    }

    /**
     * g and k glide towards their targets in the log domain (so a jump of octaves moves evenly through them):
     * the block ends where a one-pole smoother of log g and log k would be, and each sample multiplies by the
     * constant ratio that gets there.
     */
    private void glide(int offset, int frames, double gTarget, double kTarget, double decay) {
        double gEnd = gTarget * Math.pow(g / gTarget, decay);
        double kEnd = kTarget * Math.pow(k / kTarget, decay);
        double gStep = Math.pow(gEnd / g, 1.0 / frames);
        double kStep = Math.pow(kEnd / k, 1.0 / frames);
        double gg = g;
        double kk = k;
        double ic1 = s1;
        double ic2 = s2;
        for (int i = offset, end = offset + frames; i < end; i++) {
            gg *= gStep;
            kk *= kStep;
            double a1 = 1 / (1 + gg * (gg + kk));
            double a2 = gg * a1;
            double a3 = gg * a2;
            double v0 = in[i];
            double v3 = v0 - ic2;
            double v1 = a1 * ic1 + a2 * v3;
            double v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = 2 * v1 - ic1;
            ic2 = 2 * v2 - ic2;
            out[i] = (float) (c0 * v0 + c1 * kk * v1 + c2 * v2);
        }
        g = gEnd;
        k = kEnd;
        s1 = ic1;
        s2 = ic2;
    }
}
