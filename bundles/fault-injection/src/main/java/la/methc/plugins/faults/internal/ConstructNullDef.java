package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code …/construct-null}: construct returns null. */
@Component(service = SynthDef.class)
public final class ConstructNullDef extends FaultDef {

    public ConstructNullDef() {
        super("construct-null");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return null;
    }
}
