package la.methc.plugins.sampler.internal;

import java.nio.file.Path;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /buffer/read i:id s:path [i:fileStartFrame [i:frames [i:bufStartFrame]]]}: reads a WAV or AIFF file from
 * the sample root into AudioBuffer {@code id}, as float ({@link SampleFiles}), on a worker thread. It writes the
 * buffer in place without exclusivity ({@code writes = true, exclusive = false}), as scsynth's {@code /b_read}
 * does: AudioBuffer is Mutable (ADR 0004), so synths may play it meanwhile. The defaults, replies and errors:
 * {@code docs/osc-api.md}, "Commands" and "Plugin commands".
 */
@Component(service = CommandDef.class)
public final class BufferReadCommand implements CommandDef {

    static final String ADDRESS = "/buffer/read";
    private static final String USAGE = "i:id s:path [i:fileStartFrame [i:frames [i:bufStartFrame]]]";

    @Override
    public String address() {
        return ADDRESS;
    }

    /** Network thread. */
    @Override
    public CommandPlan plan(Host host, OscArgs args) {
        CommandArgs.checkCount(args, 2, 5, USAGE);
        int id = args.intAt(0);
        String name = args.stringAt(1);
        host.samplePath(name); // refuses a path outside the sample root now; the task resolves it again
        int fileStart = CommandArgs.frames(args, 2, "fileStartFrame", 0, 0);
        int frames = CommandArgs.frames(args, 3, "frames", -1, -1);
        int bufStart = CommandArgs.frames(args, 4, "bufStartFrame", 0, 0);
        return new CommandPlan(id, new int[] {id}, new boolean[] {true}, false, (h, bodies) -> {
            Path file = h.samplePath(name);
            SampleFiles.read(file, name, CommandArgs.buffer(bodies[0], id), fileStart, frames, bufStart);
            return null;
        });
    }
}
