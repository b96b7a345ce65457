package la.methc.plugins.sampler.internal;

import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /buffer/normalize i:src i:dst f:peak}: scales AudioBuffer {@code src} so that its largest absolute
 * sample is {@code peak} (≥ 0), into AudioBuffer {@code dst}, which must have as many channels and at least as
 * many frames (its frames beyond src's are zeroed). A silent src gives zeros. Replies {@code /done
 * /buffer/normalize i:src} or {@code /error /buffer/normalize i:src s:reason}.
 *
 * <p>"Process into a fresh slot" (ADR 0004): src is only read, dst written, no exclusivity, so synths may play
 * src meanwhile; the client then re-binds them to dst with {@code /node/set} and frees src. With src = dst it
 * normalises in place, which needs the buffer to itself: the dispatch is exclusive and refused
 * ("resource has other holders") while a synth holds it.
 */
@Component(service = CommandDef.class)
public final class BufferNormalizeCommand implements CommandDef {

    static final String ADDRESS = "/buffer/normalize";

    @Override
    public String address() {
        return ADDRESS;
    }

    /** Network thread. */
    @Override
    public CommandPlan plan(Host host, OscArgs args) {
        CommandArgs.checkCount(args, 3, 3, "i:src i:dst f:peak");
        int src = args.intAt(0);
        int dst = args.intAt(1);
        float peak = CommandArgs.nonNegative(args, 2, "peak");
        if (src == dst) {
            return new CommandPlan(src, new int[] {src}, new boolean[] {true}, true, (h, bodies) -> {
                AudioBuffer b = CommandArgs.buffer(bodies[0], src);
                normalize(b, b, peak);
                return null;
            });
        }
        return new CommandPlan(src, new int[] {src, dst}, new boolean[] {false, true}, false, (h, bodies) -> {
            AudioBuffer from = CommandArgs.buffer(bodies[0], src);
            AudioBuffer to = CommandArgs.buffer(bodies[1], dst);
            if (to.numChannels() != from.numChannels()) {
                throw new IllegalArgumentException("dst " + dst + " has " + to.numChannels() + " channels, src " + src
                        + " has " + from.numChannels());
            }
            if (to.numFrames() < from.numFrames()) {
                throw new IllegalArgumentException("dst " + dst + " has " + to.numFrames() + " frames, fewer than src "
                        + src + " (" + from.numFrames() + ")");
            }
            normalize(from, to, peak);
            return null;
        });
    }

    /** {@code to} = {@code from} × peak / max |from| (zeros when from is silent); to's extra frames zeroed. */
    static void normalize(AudioBuffer from, AudioBuffer to, float peak) {
        float[][] in = from.data();
        float[][] out = to.data();
        int frames = from.numFrames();
        double max = 0;
        for (float[] channel : in) {
            for (int i = 0; i < frames; i++) {
                max = Math.max(max, Math.abs(channel[i]));
            }
        }
        double gain = max > 0 ? peak / max : 0;
        for (int c = 0; c < in.length; c++) {
            for (int i = 0; i < frames; i++) {
                out[c][i] = (float) (in[c][i] * gain);
            }
            java.util.Arrays.fill(out[c], frames, out[c].length, 0f);
        }
    }
}
