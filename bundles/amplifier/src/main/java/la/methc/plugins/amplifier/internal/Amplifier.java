package la.methc.plugins.amplifier.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/** out = in * amp; amp changes take effect at block boundaries. */
final class Amplifier implements Synth {

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.audioInput("in"),
            PortDescriptor.controlInput("amp", 1f),
            PortDescriptor.audioOutput("out"));

    private float[] in;
    private float[] amp;
    private float[] out;

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case 0 -> in = data;
            case 1 -> amp = data;
            default -> out = data;
        }
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        float a = amp[0];
        for (int i = offset, end = offset + frames; i < end; i++) {
            out[i] = in[i] * a;
        }
    }
}
