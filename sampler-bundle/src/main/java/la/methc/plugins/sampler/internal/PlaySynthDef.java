package la.methc.plugins.sampler.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/play}: plays an AudioBuffer resource.
 *
 * <p>Options: {@code i:buffer} (the AudioBuffer's resource id; without it none is bound and the synth is silent
 * until {@code /node/set} binds one), {@code i:channels} (1 to 64, default
 * 1: the audio outputs; output k reads buffer channel k % the buffer's channels), {@code i:interpolation}
 * (0 none, 1 linear (default), 2 cubic). Parameters ({@code /node/set}): 0 the buffer (resource, re-mapped with
 * {@code i:id}), 1 rate (1), 2 loop (0), 3 start (0). Audio outputs 0 .. channels - 1. See {@link Play}.
 */
@Component(service = SynthDef.class)
public final class PlaySynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/play";

    private static final String NAME = "play";

    /**
     * NRT (DS activation). Asks whether the cubic kernel may fuse its multiply-adds, and warms up the vector kernel
     * where the VM has it, while the engine starts.
     */
    public PlaySynthDef() {
        FusedMultiplyAdd.ask();
        VectorKernel.start();
    }

    @Override
    public String uri() {
        return URI;
    }

    /** NRT (the network thread that decoded {@code /synth/new}). Validates every option, then builds. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        SamplerOptions.checkCount(NAME, options, 3, "i:buffer [i:channels [i:interpolation]]");
        int buffer = SamplerOptions.bufferId(NAME, options);
        int channels = SamplerOptions.channels(NAME, options, 1);
        int interpolation = SamplerOptions.interpolation(NAME, options, 2);
        if (interpolation == Interpolation.LINEAR) {
            VectorKernel.wantLinear(); // its vector kernel next, if it is not warm yet
        }
        return new Play(buffer, channels, interpolation);
    }

    /**
     * Process reads the AudioBuffer body it cached in attach and its own playhead, and calls only synthDone:
     * it may run beside other synths on a render thread.
     */
    @Override
    public boolean isolated() {
        return true;
    }
}
