package la.methc.plugins.amplifier.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code http://methc.la/plugins/amplifier}: audio in 0 times control in 0 amp, to audio out 0. */
@Component(service = SynthDef.class)
public final class AmplifierSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/amplifier";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Takes no options. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new Amplifier();
    }

    /** Process reads its ports, writes its output: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
