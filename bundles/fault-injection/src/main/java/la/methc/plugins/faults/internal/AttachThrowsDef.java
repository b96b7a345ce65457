package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code …/attach-throws [i:kind]}: attach throws (kind 1: an Error). */
@Component(service = SynthDef.class)
public final class AttachThrowsDef extends FaultDef {

    public AttachThrowsDef() {
        super("attach-throws");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new FaultySynth(Fault.ATTACH_THROWS, options.intAt(0, 0), 0);
    }
}
