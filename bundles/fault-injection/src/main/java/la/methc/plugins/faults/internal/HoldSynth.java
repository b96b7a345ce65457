package la.methc.plugins.faults.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourceRef;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * A healthy synth that holds {@link FaultyResourceDef} Resources for its whole life (bound in attach, one
 * resource port each, released in detach) and writes its control input 0 ({@code level}) to audio output 0.
 */
final class HoldSynth implements Synth {

    private final int[] ids;
    private final List<ResourceRef<FaultyResource>> refs = new ArrayList<>();
    private final List<PortDescriptor> ports = new ArrayList<>();
    private float[] level;
    private float[] out;

    /** NRT. */
    HoldSynth(int[] ids) {
        this.ids = ids;
        ports.add(PortDescriptor.controlInput("level", 0.25f));
        ports.add(PortDescriptor.audioOutput("out"));
        for (int i = 0; i < ids.length; i++) {
            ports.add(PortDescriptor.resourceInput("resource" + i));
            refs.add(new ResourceRef<>(FaultyResourceDef.URI, FaultyResource.class));
        }
    }

    @Override
    public List<PortDescriptor> ports() {
        return ports;
    }

    /** NRT. */
    @Override
    public void connect(int index, float[] data) {
        if (index == 0) {
            level = data;
        } else {
            out = data;
        }
    }

    /** RT. A Resource that cannot be bound refuses the synth (ResourceAcquireError). */
    @Override
    public void attach(World world) {
        for (int i = 0; i < ids.length; i++) {
            refs.get(i).bind(world, ids[i]);
        }
    }

    /** RT. */
    @Override
    public void detach(World world) {
        for (int i = 0; i < refs.size(); i++) {
            refs.get(i).close();
        }
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        Arrays.fill(out, offset, offset + frames, level[0]);
    }
}
