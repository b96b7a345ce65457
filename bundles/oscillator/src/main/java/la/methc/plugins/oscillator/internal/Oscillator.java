package la.methc.plugins.oscillator.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * out = amp · shape(phase), band-limited (see {@link Waveform}). The frequency is read once per block and keeps
 * the phase; amp moves linearly over a block from its last value to the new one, so a change does not click.
 */
final class Oscillator implements Synth {

    // immutable and shared: ports do not depend on options
    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.controlInput("freq", 440f),
            PortDescriptor.controlInput("amp", 1f),
            PortDescriptor.audioOutput("out"));

    private final int shape;
    private float[] freq;
    private float[] amp;
    private float[] out;
    /** In cycles, kept in [0, 1): double so that hours of running add no audible phase error. */
    private double phase;
    /** The amplitude the last block ended at; NaN before the first block, which starts at its target. */
    private double gain = Double.NaN;

    Oscillator(int shape) {
        this.shape = shape;
    }

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

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        double inc = freq[0] / world.sampleRate();
        // NaN or infinite would poison the phase for good: hold it. Negative runs as 0; at or above Nyquist
        // nothing can be band-limited, so the increment stops just below it.
        if (!(inc > 0)) {
            inc = 0;
        } else if (inc >= 0.5) {
            inc = 0.4999;
        }
        double target = amp[0];
        if (!Double.isFinite(target)) {
            target = 0;
        }
        double g = Double.isNaN(gain) ? target : gain;
        double step = (target - g) / frames;
        double p = phase;
        for (int i = offset, end = offset + frames; i < end; i++) {
            g += step;
            out[i] = (float) (g * Waveform.sample(shape, p, inc));
            p += inc;
            if (p >= 1) {
                p -= 1;
            }
        }
        phase = p;
        gain = target;
    }
}
