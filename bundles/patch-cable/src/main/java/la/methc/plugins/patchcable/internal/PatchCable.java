package la.methc.plugins.patchcable.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/** out = in. */
final class PatchCable implements Synth {

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.audioInput("in"),
            PortDescriptor.audioOutput("out"));

    private float[] in;
    private float[] out;

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        if (index == 0) {
            in = data;
        } else {
            out = data;
        }
    }

    /** RT. arraycopy neither allocates nor locks. */
    @Override
    public void process(World world, int offset, int frames) {
        System.arraycopy(in, offset, out, offset, frames);
    }
}
