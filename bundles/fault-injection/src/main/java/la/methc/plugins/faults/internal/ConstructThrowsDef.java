package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code …/construct-throws [i:kind]}: construct throws (kind 1: an Error). */
@Component(service = SynthDef.class)
public final class ConstructThrowsDef extends FaultDef {

    public ConstructThrowsDef() {
        super("construct-throws");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        throw Faults.injected("construct", options.intAt(0, 0));
    }
}
