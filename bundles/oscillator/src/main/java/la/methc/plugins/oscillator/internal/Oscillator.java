package la.methc.plugins.oscillator.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.api.dsp.Rotations;

/**
 * out = amp · shape(phase), band-limited (see {@link Waveform}). The frequency is read once per block and keeps
 * the phase; amp moves linearly over a block from its last value to the new one, so a change does not click. The
 * sine takes its samples from a {@link Rotations} table instead of a {@code Math.sin} each (ADR 0025).
 */
final class Oscillator implements Synth {

    // immutable and shared: ports do not depend on options
    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.controlInput("freq", 440f),
            PortDescriptor.controlInput("amp", 1f),
            PortDescriptor.audioOutput("out"));

    private static final double TWO_PI = 2 * Math.PI;

    private final int shape;
    private float[] freq;
    private float[] amp;
    private float[] out;
    /** In cycles, kept in [0, 1): double so that hours of running add no audible phase error. */
    private double phase;
    /** The amplitude the last block ended at; NaN before the first block, which starts at its target. */
    private double gain = Double.NaN;
    /** The sine's rotations within a block (null for the other shapes); made in {@link #connect}. */
    private Rotations rotations;

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
            default -> {
                out = data;
                if (shape == Waveform.SINE) {
                    rotations = new Rotations(data.length);
                }
            }
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
        if (rotations != null) {
            sine(offset, frames, inc, g, step);
        } else {
            shape(offset, frames, inc, g, step);
        }
        gain = target;
    }

    /** RT. The saw, square and triangle ({@link Waveform}), sample by sample; the gain ramps. */
    private void shape(int offset, int frames, double inc, double g, double step) {
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
    }

    /** RT. The sine shape: sample k at the block's first phase rotated by k steps, from the table; the gain ramps. */
    private void sine(int offset, int frames, double inc, double g, double step) {
        rotations.prepare(inc);
        final double[] c = rotations.cos();
        final double[] s = rotations.sin();
        final double p = phase;
        final double sp = Math.sin(TWO_PI * p);
        final double cp = Math.cos(TWO_PI * p);
        final float[] o = out;
        for (int k = 0; k < frames; k++) {
            // the gain as the sample-by-sample ramp has it after k + 1 steps
            o[offset + k] = (float) ((g + (k + 1) * step) * (sp * c[k] + cp * s[k]));
        }
        double next = p + inc * frames;
        phase = next - Math.floor(next);
    }
}
