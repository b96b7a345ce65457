package la.methc.plugins.filter.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/filter}: a 12 dB/octave state-variable filter. Audio in 0 {@code in} → out 0
 * {@code out}; control in 0 {@code cutoff} (Hz, default 1000), 1 {@code q} (default 0.707); option
 * {@code i:mode} 0 lowpass (default), 1 highpass, 2 bandpass.
 */
@Component(service = SynthDef.class)
public final class FilterSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/filter";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Options: {@code [i:mode]}; any other mode is refused (the engine replies {@code /error}). */
    @Override
    public Synth construct(Host host, OscArgs options) {
        int mode = options.intAt(0, Filter.LOWPASS);
        if (mode < Filter.LOWPASS || mode > Filter.BANDPASS) {
            throw new IllegalArgumentException("filter mode " + mode + ": expected 0 lowpass, 1 highpass or 2 bandpass");
        }
        return new Filter(mode);
    }

    /** Process reads its ports and state, writes its output: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
