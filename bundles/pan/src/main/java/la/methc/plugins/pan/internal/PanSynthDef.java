package la.methc.plugins.pan.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/pan}: an equal-power panner. Audio in 0 {@code in}; control in 0 {@code pos},
 * −1 (left) … 1 (right), default 0 (centre); audio out 0 {@code left}, 1 {@code right}.
 */
@Component(service = SynthDef.class)
public final class PanSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/pan";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Takes no options. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new Pan();
    }

    /** Process reads its ports and pan state, writes its outputs: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
