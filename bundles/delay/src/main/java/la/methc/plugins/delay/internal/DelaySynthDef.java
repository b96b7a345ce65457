package la.methc.plugins.delay.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.ResourceRef;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/delay}: a feedback delay whose line is an AudioBuffer. Parameter 0
 * {@code buffer} (resource), 1 {@code time} (s, default 0.25), 2 {@code feedback} (default 0.3), 3 {@code mix}
 * (default 0.5); audio in 0 {@code in} → out 0 {@code out}; option {@code i:buffer}. See {@link Delay}.
 */
@Component(service = SynthDef.class)
public final class DelaySynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/delay";

    @Override
    public String uri() {
        return URI;
    }

    /**
     * NRT. Options: {@code [i:buffer]}, an AudioBuffer's resource id (without it no line is bound until
     * {@code /node/set i:id s:buffer i:resource-id}); anything else is refused (the engine replies {@code /error}).
     */
    @Override
    public Synth construct(Host host, OscArgs options) {
        if (options.size() > 1) {
            throw new IllegalArgumentException("delay: takes at most 1 option (i:buffer), got " + options.size());
        }
        int buffer = ResourceRef.NONE;
        if (options.has(0)) {
            buffer = options.intAt(0);
            if (buffer < 0) {
                throw new IllegalArgumentException("delay: buffer (option 0) must be a resource id >= 0, got " + buffer);
            }
        }
        return new Delay(buffer);
    }

    /**
     * False: process writes into the AudioBuffer it reads (the delay line), a body other synths may share, so
     * it is not isolated in the sense of {@link SynthDef#isolated()} and runs on RT only.
     */
    @Override
    public boolean isolated() {
        return false;
    }
}
