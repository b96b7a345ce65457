package la.methc.plugins.sampler.internal;

import java.io.IOException;
import java.nio.file.Path;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.audiobuffer.file.SoundFile;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /buffer/read i:id s:path [i:fileStartFrame [i:frames [i:bufStartFrame]]]}: reads a WAV or AIFF file from
 * the sample root into AudioBuffer {@code id}, as float ({@link SoundFile}), on a worker thread. It writes the
 * buffer in place without exclusivity ({@code writes = true, exclusive = false}), as scsynth's {@code /b_read}
 * does: AudioBuffer is Mutable (ADR 0004), so synths may play it meanwhile. The buffer's shape, sample rate
 * included, stays as it was made: a file at another rate is read all the same (no resampling), with a warning in
 * the log naming both rates. The defaults, replies and errors: {@code docs/osc-api.md}, "Commands" and "Plugin
 * commands".
 */
@Component(service = CommandDef.class)
public final class BufferReadCommand implements CommandDef {

    private static final Logger LOG = LoggerFactory.getLogger(BufferReadCommand.class);

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
            AudioBuffer buf = CommandArgs.buffer(bodies[0], id);
            read(h.samplePath(name), name, id, buf, fileStart, frames, bufStart);
            return null;
        });
    }

    /**
     * Worker. Reads frames of {@code file} from {@code fileStart} into {@code buf} from {@code bufStart}:
     * {@code frames} of them, or (negative) as many as the file has and the buffer holds. File channels beyond the
     * buffer's are dropped; buffer channels beyond the file's are left as they are, as are the frames not read.
     *
     * @param name the path as the client gave it, for messages
     * @return the frames read
     * @throws IOException              when the file is missing or cannot be read
     * @throws IllegalArgumentException when it is no sound file the JDK decodes, or the positions do not fit
     */
    static int read(Path file, String name, int id, AudioBuffer buf, long fileStart, long frames, int bufStart)
            throws IOException {
        if (bufStart >= buf.numFrames()) {
            throw new IllegalArgumentException("bufStartFrame " + bufStart + " is beyond the buffer's "
                    + buf.numFrames() + " frames");
        }
        try (SoundFile in = SoundFile.open(file, name)) {
            if (in.sampleRate() != buf.sampleRate()) {
                LOG.warn("/buffer/read {}: {} is at {} Hz, the buffer at {} Hz; the buffer keeps its rate (no"
                        + " resampling): it plays the file at {} times its speed", id, name, in.sampleRate(),
                        buf.sampleRate(), buf.sampleRate() / in.sampleRate());
            }
            in.skipFrames(fileStart, "fileStartFrame");
            long want = buf.numFrames() - (long) bufStart;
            if (frames >= 0) {
                want = Math.min(want, frames);
            }
            if (in.numFrames() >= 0) {
                want = Math.min(want, in.numFrames() - fileStart);
            }
            return in.read(buf.data(), bufStart, (int) want);
        }
    }
}
