package la.methc.plugins.sampler.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/record}: records its audio inputs into an AudioBuffer resource.
 *
 * <p>Options: {@code i:buffer} (the AudioBuffer's resource id; without it none is bound and the synth records
 * nothing until {@code /node/set} binds one), {@code i:channels} (1 to 64, default
 * 1: the audio inputs; input k goes to buffer channel k). Parameters ({@code /node/set}): 0 the buffer
 * (resource, re-mapped with {@code i:id}), 1 loop (0), 2 start (0). Audio inputs 0 .. channels - 1. See
 * {@link Record}.
 */
@Component(service = SynthDef.class)
public final class RecordSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/record";

    private static final String NAME = "record";

    @Override
    public String uri() {
        return URI;
    }

    /** NRT (the network thread that decoded {@code /synth/new}). Validates every option, then builds. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        SamplerOptions.checkCount(NAME, options, 2, "i:buffer [i:channels]");
        int buffer = SamplerOptions.bufferId(NAME, options);
        int channels = SamplerOptions.channels(NAME, options, 1);
        return new Record(buffer, channels);
    }
}
