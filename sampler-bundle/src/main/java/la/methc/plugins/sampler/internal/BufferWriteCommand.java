package la.methc.plugins.sampler.internal;

import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /buffer/write i:id s:path}: writes AudioBuffer {@code id} to a 32-bit float WAV file in the sample root
 * (all channels and frames, at the buffer's sample rate), creating the missing directories below the root and
 * replacing an existing file. Replies {@code /done /buffer/write i:id} or {@code /error /buffer/write i:id
 * s:reason}.
 *
 * <p>It reads the buffer without exclusivity: a record synth writing it meanwhile may leave a mix of old and new
 * samples in the file (ADR 0004).
 */
@Component(service = CommandDef.class)
public final class BufferWriteCommand implements CommandDef {

    static final String ADDRESS = "/buffer/write";

    @Override
    public String address() {
        return ADDRESS;
    }

    /** Network thread. */
    @Override
    public CommandPlan plan(Host host, OscArgs args) {
        CommandArgs.checkCount(args, 2, 2, "i:id s:path");
        int id = args.intAt(0);
        String name = args.stringAt(1);
        host.samplePath(name);
        return new CommandPlan(id, new int[] {id}, new boolean[] {false}, false, (h, bodies) -> {
            SampleFiles.writeFloatWav(h.samplePath(name), name, CommandArgs.buffer(bodies[0], id));
            return null;
        });
    }
}
