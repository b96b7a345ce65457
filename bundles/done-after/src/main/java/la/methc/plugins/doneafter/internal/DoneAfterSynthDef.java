package la.methc.plugins.doneafter.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/done-after}: no ports; done {@code f:seconds} (option 0, default 0: in the block
 * it starts) after it starts. With done flags it frees or notifies at a sample-accurate time, e.g. to end a group.
 */
@Component(service = SynthDef.class)
public final class DoneAfterSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/done-after";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT. Validates here, where an exception becomes an /error reply; rounds the time to frames. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        float seconds = options.has(0) ? options.floatAt(0) : 0f;
        // written so that NaN fails too
        if (!(seconds >= 0f) || Float.isInfinite(seconds)) {
            throw new IllegalArgumentException(
                    "done-after: seconds (option 0) must be a finite number >= 0, got " + seconds);
        }
        return new DoneAfter(Math.round(seconds * host.sampleRate()));
    }

    /** Process counts its own frames and calls only synthDone: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
