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

    /** RT. A frequency change takes effect at the next block and keeps the phase, so there is no click. */
    @Override
    public void process(World world, int offset, int frames) {
        double inc = freq[0] / world.sampleRate();
        // a NaN or infinite frequency would poison the phase for good: hold it instead
        if (!Double.isFinite(inc)) {
            inc = 0;
        }
        // the sampled phases only depend on inc mod 1, and 0 <= inc < 1 lets one compare wrap the phase
        inc -= Math.floor(inc);
        double a = amp[0];
        double p = phase;
        for (int i = offset, end = offset + frames; i < end; i++) {
            out[i] = (float) (a * Math.sin(TWO_PI * p));
            p += inc;
            if (p >= 1.0) {
                p -= 1.0;
            }
        }
        phase = p;
    }
}
