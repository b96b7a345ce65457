package la.methc.plugins.sampler.internal;

import java.util.ArrayList;
import java.util.List;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.CommandReply;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /buffer/onsets i:id f:threshold} → {@code /buffer/onsets.reply i:id i:frame…}: the onsets of AudioBuffer
 * {@code id} by spectral flux ({@link Onsets}), as frame positions in the buffer, ascending, flat after the id
 * (none: just the id). {@code threshold} ≥ 0: how far above the local median flux a peak must rise (0.5 to 2
 * for percussive material). Reads the buffer without exclusivity.
 */
@Component(service = CommandDef.class)
public final class BufferOnsetsCommand implements CommandDef {

    static final String ADDRESS = "/buffer/onsets";
    static final String REPLY = "/buffer/onsets.reply";

    @Override
    public String address() {
        return ADDRESS;
    }

    /** Network thread. */
    @Override
    public CommandPlan plan(Host host, OscArgs args) {
        CommandArgs.checkCount(args, 2, 2, "i:id f:threshold");
        int id = args.intAt(0);
        float threshold = CommandArgs.nonNegative(args, 1, "threshold");
        return new CommandPlan(id, new int[] {id}, new boolean[] {false}, false, (h, bodies) -> {
            AudioBuffer buf = CommandArgs.buffer(bodies[0], id);
            int[] onsets = Onsets.detect(buf.data(), buf.numFrames(), threshold);
            List<Object> reply = new ArrayList<>(onsets.length + 1);
            reply.add(id);
            for (int frame : onsets) {
                reply.add(frame);
            }
            return new CommandReply(REPLY, reply);
        });
    }
}
