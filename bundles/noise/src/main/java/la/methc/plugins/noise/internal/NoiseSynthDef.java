package la.methc.plugins.noise.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/noise}: white noise. Control in 0 amp; audio out 0; option 0
 * {@code i:seed} (optional) makes the output repeatable.
 */
@Component(service = SynthDef.class)
public final class NoiseSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/noise";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. A wrong seed type throws IllegalArgumentException, which the engine answers with /error. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        long seed = options.has(0) ? options.intAt(0) : System.nanoTime();
        return new Noise(seed);
    }

    /** Its generator state is its own: process may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
