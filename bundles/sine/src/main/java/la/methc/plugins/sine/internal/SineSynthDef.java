package la.methc.plugins.sine.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code http://methc.la/plugins/sine}: a sine oscillator. Control in 0 freq (Hz), 1 amp; audio out 0. */
@Component(service = SynthDef.class)
public final class SineSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/sine";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Takes no options. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new Sine();
    }

    /** Process reads its ports and phase, writes its output: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
