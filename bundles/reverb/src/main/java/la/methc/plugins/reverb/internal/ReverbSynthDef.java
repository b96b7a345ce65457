package la.methc.plugins.reverb.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/reverb}: a Freeverb-style stereo reverb. Audio in 0 {@code inLeft}, 1
 * {@code inRight}; control in 0 {@code room} (0 … 1, default 0.5), 1 {@code damp} (0 … 1, default 0.5), 2
 * {@code mix} (0 dry … 1 wet only, default 0.33); audio out 0 {@code outLeft}, 1 {@code outRight}.
 */
@Component(service = SynthDef.class)
public final class ReverbSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/reverb";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Takes no options; allocates the delay lines for the host's sample rate. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new Reverb(host.sampleRate());
    }

    /** Process reads its ports and delay lines, writes its outputs: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
