package la.methc.plugins.sampler.internal;

import java.nio.file.Path;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /buffer/read i:id s:path [i:fileStartFrame [i:frames [i:bufStartFrame]]]} (flat arguments, the last
 * three optional: 0, -1 = as many as fit, 0): reads a WAV or AIFF file from the sample root into AudioBuffer
 * {@code id}, converting to float ({@link SampleFiles}). File channels beyond the buffer's are dropped, buffer
 * channels beyond the file's and frames not read are left as they are; no resampling. Replies {@code /done
 * /buffer/read i:id}, or {@code /error /buffer/read i:id s:reason} (no such file, not a sound file the JDK
 * decodes, FLAC, a position beyond the end, a path outside the sample root).
 *
 * <p>It writes the buffer in place without exclusivity ({@code writes = true, exclusive = false}), as
 * scsynth's {@code /b_read} does: AudioBuffer is Mutable (ADR 0004), so synths may play it meanwhile and hear
 * the new samples arrive; load into a buffer nobody plays, or swap with {@code /node/set} afterwards, for a clean
 * change.
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
