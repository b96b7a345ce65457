package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code …/hold [i:resource…]}: a healthy synth holding the listed {@link FaultyResourceDef} Resources. */
@Component(service = SynthDef.class)
public final class HoldDef extends FaultDef {

    public HoldDef() {
        super("hold");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        int[] ids = new int[options.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = options.intAt(i);
        }
        return new HoldSynth(ids);
    }
}
