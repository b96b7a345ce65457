package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code …/activate-throws [i:kind]}: activate throws (kind 1: an Error). */
@Component(service = SynthDef.class)
public final class ActivateThrowsDef extends FaultDef {

    public ActivateThrowsDef() {
        super("activate-throws");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new FaultySynth(Fault.ACTIVATE_THROWS, options.intAt(0, 0), 0);
    }
}
