package ${package};

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * out = amp * sin(2π phase). The phase runs on across blocks and frequency changes; an amplitude change glides
 * linearly over one block, from silence at the start, so neither clicks.
 */
final class Tone implements Synth {

    private static final double TWO_PI = 2 * Math.PI;

    private final List<PortDescriptor> ports;
    // connected by the engine before the synth runs: control ports hold one value, audio ports one block
    private float[] freq;
    private float[] amp;
    private float[] out;
    /** In cycles, in [0, 1). */
    private double phase;
    /** The amplitude reached at the end of the last block. */
    private double gain;

    Tone(List<PortDescriptor> ports) {
        this.ports = ports;
    }

    @Override
    public List<PortDescriptor> ports() {
        return ports;
    }

    /** NRT, before the synth runs: {@code index} is the position in {@link #ports()}. */
    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case 0 -> freq = data;
            case 1 -> amp = data;
            default -> out = data;
        }
    }

    /** RT: no allocation, lock, blocking call, logging or exception here. */
    @Override
    public void process(World world, int offset, int frames) {
        double inc = freq[0] / world.sampleRate();
        double target = amp[0];
        // a NaN or infinite control would poison the phase or the gain for good: hold instead
        if (!Double.isFinite(inc)) {
            inc = 0;
        }
        if (!Double.isFinite(target)) {
            target = gain;
        }
        double step = (target - gain) / frames;
        double p = phase;
        double g = gain;
        for (int i = offset, end = offset + frames; i < end; i++) {
            g += step;
            out[i] = (float) (g * Math.sin(TWO_PI * p));
            p += inc;
            p -= Math.floor(p);
        }
        phase = p;
        gain = target;
    }
}
