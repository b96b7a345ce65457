package la.methc.plugins.sampler.internal;

import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.wav.WavFormat;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /buffer/write i:id s:path [s:format]}: writes AudioBuffer {@code id} to a WAV file in the sample root
 * (all channels and frames, at the buffer's sample rate), creating the missing directories below the root and
 * replacing an existing file. The format is {@code float} (32-bit float, the default), {@code int16} or
 * {@code int24} (PCM, clipped to [-1, 1]); anything else is refused with the allowed names. Replies {@code /done /buffer/write i:id} or {@code /error /buffer/write i:id
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
        CommandArgs.checkCount(args, 2, 3, "i:id s:path [s:format]");
        int id = args.intAt(0);
        String name = args.stringAt(1);
        WavFormat format = args.has(2) ? format(args.get(2)) : WavFormat.FLOAT;
        host.samplePath(name);
        return new CommandPlan(id, new int[] {id}, new boolean[] {false}, false, (h, bodies) -> {
            SampleFiles.writeWav(h.samplePath(name), name, CommandArgs.buffer(bodies[0], id), format);
            return null;
        });
    }

    private static WavFormat format(Object arg) {
        if (!(arg instanceof String label)) {
            throw new IllegalArgumentException("format must be a string, one of " + WavFormat.allowed() + ", not "
                    + arg);
        }
        return WavFormat.named(label);
    }
}
