package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code …/process-throws [i:blocks [i:kind]]}: process throws after {@code blocks} healthy blocks (default 0:
 * in its first block; kind 1: an Error).
 */
@Component(service = SynthDef.class)
public final class ProcessThrowsDef extends FaultDef {

    public ProcessThrowsDef() {
        super("process-throws");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new FaultySynth(Fault.PROCESS_THROWS, options.intAt(1, 0), options.intAt(0, 0));
    }
}
