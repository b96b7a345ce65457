package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code …/broken-ports s:mode [i:kind]}: a synth whose port description breaks, as the engine asks for it right
 * after construct: mode {@code ports-throw} (kind 1: an Error), {@code ports-null}, {@code port-null} (a null
 * entry) or {@code connect-throws}.
 */
@Component(service = SynthDef.class)
public final class BrokenPortsDef extends FaultDef {

    public BrokenPortsDef() {
        super("broken-ports");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        String mode = options.stringAt(0);
        Fault fault = switch (mode) {
            case "ports-throw" -> Fault.PORTS_THROW;
            case "ports-null" -> Fault.PORTS_NULL;
            case "port-null" -> Fault.PORT_NULL;
            case "connect-throws" -> Fault.CONNECT_THROWS;
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        return new FaultySynth(fault, options.intAt(1, 0), 0);
    }
}
