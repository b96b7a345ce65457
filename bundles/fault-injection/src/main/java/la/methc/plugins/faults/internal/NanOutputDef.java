package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code …/nan-output [i:blocks]}: process writes NaN to its output after {@code blocks} healthy blocks (default 0:
 * from its first block on), as a filter that blew up would.
 */
@Component(service = SynthDef.class)
public final class NanOutputDef extends FaultDef {

    public NanOutputDef() {
        super("nan-output");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new FaultySynth(Fault.NAN_OUTPUT, 0, options.intAt(0, 0));
    }
}
