package la.methc.plugins.noise.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/** out uniform in [-amp, amp), from a SplitMix64 generator held in one long: no allocation, no lock. */
final class Noise implements Synth {

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.controlInput("amp", 1f),
            PortDescriptor.audioOutput("out"));

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private float[] amp;
    private float[] out;
    private long state;

    Noise(long seed) {
        state = seed;
    }

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        if (index == 0) {
            amp = data;
        } else {
            out = data;
        }
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        float a = amp[0];
        long s = state;
        for (int i = offset, end = offset + frames; i < end; i++) {
            // SplitMix64 (as in java.util.SplittableRandom), inlined: Random would lock and allocate
            s += GOLDEN_GAMMA;
            long z = s;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            // the top 24 bits as k in [-2^23, 2^23): k / 2^23 is exact in a float and lies in [-1, 1)
            int k = (int) (z >>> 40) - 0x800000;
            out[i] = a * (k * 0x1.0p-23f);
        }
        state = s;
    }
}
