package la.methc.plugins.oscillator.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/oscillator}: a band-limited oscillator. Control in 0 freq (Hz, default 440),
 * 1 amp (default 1); audio out 0; option {@code i:shape} 0 sine (default), 1 saw, 2 square, 3 triangle.
 */
@Component(service = SynthDef.class)
public final class OscillatorSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/oscillator";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Options {@code [i:shape]}; anything else is refused with a message for the {@code /error}. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        if (options.size() > 1) {
            throw new IllegalArgumentException("oscillator takes one option, i:shape, got " + options.size());
        }
        int shape = options.intAt(0, Waveform.SINE);
        if (shape < 0 || shape >= Waveform.COUNT) {
            throw new IllegalArgumentException(
                    "shape must be 0 sine, 1 saw, 2 square or 3 triangle, got " + shape);
        }
        return new Oscillator(shape);
    }

    /** Process reads its ports and phase, writes its output: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
