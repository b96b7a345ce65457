package la.methc.plugins.patchcable.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/** {@code http://methc.la/plugins/patch-cable}: audio in 0 copied to audio out 0, e.g. from bus to bus. */
@Component(service = SynthDef.class)
public final class PatchCableSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/patch-cable";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Takes no options. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new PatchCable();
    }

    /** Process copies its input port to its output port: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
