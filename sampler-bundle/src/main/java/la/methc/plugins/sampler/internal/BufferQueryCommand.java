package la.methc.plugins.sampler.internal;

import java.util.List;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.CommandReply;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /buffer/query i:id} → {@code /buffer/info i:id i:channels i:frames f:sampleRate}: the shape of AudioBuffer
 * {@code id}, as scsynth's {@code /b_query} → {@code /b_info}. Like every plugin command it waits for a buffer still
 * being made, so it may follow {@code /resource/new … s:path} at once to learn the file's shape.
 */
@Component(service = CommandDef.class)
public final class BufferQueryCommand implements CommandDef {

    static final String ADDRESS = "/buffer/query";
    static final String REPLY = "/buffer/info";

    @Override
    public String address() {
        return ADDRESS;
    }

    /** Network thread. */
    @Override
    public CommandPlan plan(Host host, OscArgs args) {
        CommandArgs.checkCount(args, 1, 1, "i:id");
        int id = args.intAt(0);
        return new CommandPlan(id, new int[] {id}, new boolean[] {false}, false, (h, bodies) -> {
            AudioBuffer buf = CommandArgs.buffer(bodies[0], id);
            return new CommandReply(REPLY, List.of(id, buf.numChannels(), buf.numFrames(), (float) buf.sampleRate()));
        });
    }
}
