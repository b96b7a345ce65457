package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code …/process-allocates}: process allocates an array of its block every block, and otherwise works. */
@Component(service = SynthDef.class)
public final class ProcessAllocatesDef extends FaultDef {

    public ProcessAllocatesDef() {
        super("process-allocates");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new FaultySynth(Fault.PROCESS_ALLOCATES, 0, 0);
    }
}
