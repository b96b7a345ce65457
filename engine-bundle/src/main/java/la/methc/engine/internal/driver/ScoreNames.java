package la.methc.engine.internal.driver;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a score names that a plugin may provide, so that a render can start only the plugins it needs (ADR 0018):
 * the def URIs where a built-in verb takes one ({@code /synth/new}, {@code /resource/new}, {@code /synthdef/info}),
 * the addresses that are not built in (a plugin's CommandDef, or nothing at all), and every string argument of any
 * message (a CommandDef's argument may name a def too). A score whose names are all provided by known plugins
 * renders the same with only those plugins started.
 *
 * <p>Threads: any (the render thread reads it before the render; immutable).
 *
 * @param defUris the URIs named where a def is expected
 * @param commands the addresses that are not built-in verbs
 * @param strings every string argument
 */
public record ScoreNames(Set<String> defUris, Set<String> commands, Set<String> strings) {

    /** The built-in verbs whose first argument is a def's URI. */
    public static final Set<String> DEF_VERBS = Set.of("/synth/new", "/resource/new", "/synthdef/info");

    public ScoreNames {
        defUris = Set.copyOf(defUris);
        commands = Set.copyOf(commands);
        strings = Set.copyOf(strings);
    }

    /**
     * The names in every message of {@code score}, nested bundles included.
     *
     * @param builtIns the engine's own addresses (what is not among them is a plugin's command)
     */
    public static ScoreNames of(Score score, Set<String> builtIns) {
        Set<String> defs = new TreeSet<>();
        Set<String> commands = new TreeSet<>();
        Set<String> strings = new TreeSet<>();
        for (Score.Entry e : score.entries()) {
            collect(e.bundle(), builtIns, defs, commands, strings);
        }
        return new ScoreNames(defs, commands, strings);
    }

    private static void collect(OSCPacket packet, Set<String> builtIns, Set<String> defs, Set<String> commands,
            Set<String> strings) {
        if (packet instanceof OSCBundle bundle) {
            for (OSCPacket p : bundle.getPackets()) {
                collect(p, builtIns, defs, commands, strings);
            }
            return;
        }
        OSCMessage m = (OSCMessage) packet;
        String address = m.getAddress();
        if (!builtIns.contains(address)) {
            commands.add(address);
        }
        boolean first = true;
        for (Object arg : m.getArguments()) {
            if (arg instanceof String s) {
                strings.add(s);
                if (first && DEF_VERBS.contains(address)) {
                    defs.add(s);
                }
            }
            first = false;
        }
    }
}
