package la.methc.plugins.sine.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/** out = amp * sin(2π phase), phase-continuous across blocks and frequency changes. */
final class Sine implements Synth {

    // immutable and shared: ports do not depend on options
    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.controlInput("freq", 440f),
            PortDescriptor.controlInput("amp", 1f),
            PortDescriptor.audioOutput("out"));

    private static final double TWO_PI = 2 * Math.PI;

    private float[] freq;
    private float[] amp;
    private float[] out;
    /** In cycles, kept in [0, 1): double so that hours of running add no audible phase error. */
    private double phase;
    /** The per-sample rotation for {@code rotationInc}, recomputed only when the frequency changes. */
    private double rotationInc = Double.NaN;
    private double rotCos;
    private double rotSin;

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case 0 -> freq = data;
            case 1 -> amp = data;
            default -> out = data;
        }
    }

    /**
     * RT. A frequency change takes effect at the next block and keeps the phase, so there is no click.
     * Two trig calls per block instead of one per sample: the block starts at the exact phase and a unit
     * phasor is rotated by the per-sample angle (in double, the rotation drifts by ~1e-14 over a block).
     */
    @Override
    public void process(World world, int offset, int frames) {
        double inc = freq[0] / world.sampleRate();
        // a NaN or infinite frequency would poison the phase for good: hold it instead
        if (!Double.isFinite(inc)) {
            inc = 0;
        }
        // the sampled phases only depend on inc mod 1
        inc -= Math.floor(inc);
        if (inc != rotationInc) {
            rotationInc = inc;
            rotCos = Math.cos(TWO_PI * inc);
            rotSin = Math.sin(TWO_PI * inc);
        }
        double a = amp[0];
        double re = Math.cos(TWO_PI * phase);
        double im = Math.sin(TWO_PI * phase);
        double c = rotCos;
        double s = rotSin;
        for (int i = offset, end = offset + frames; i < end; i++) {
            out[i] = (float) (a * im);
            double r = re * c - im * s;
            im = re * s + im * c;
            re = r;
        }
        double p = phase + inc * frames;
        phase = p - Math.floor(p);
    }
}
