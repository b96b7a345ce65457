package la.methc.engine.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.argument.OSCTimeTag64;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreNamesTest {

    private static final Set<String> BUILT_INS = Set.of("/synth/new", "/resource/new", "/synthdef/info",
            "/node/set", "/node/free", "/sync");

    @TempDir
    Path dir;

    private static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, Arrays.asList(args));
    }

    /** The names come from the score as read from its file, nested bundles included. */
    @Test
    void namesTheDefsThePluginCommandsAndEveryString() throws Exception {
        OSCBundle inner = new OSCBundle(List.of(msg("/buffer/read", 1, "take.flac"),
                msg("/resource/new", "test:buffer", 1, 1, 480)), OSCTimeTag64.IMMEDIATE);
        List<OSCBundle> bundles = List.of(
                Score.bundle(0.0, List.of(msg("/synth/new", "test:sine", 2, 0, 1, new ArrayList<>(List.of(440f)),
                        new ArrayList<>()), inner)),
                Score.bundle(0.5, List.of(msg("/node/set", 2, "freq", 660f), msg("/synthdef/info", "test:play"),
                        msg("/x/y", "test:sine"))),
                Score.bundle(1.0, List.of(msg("/node/free", 2), msg("/sync", 1))));
        Path file = dir.resolve("s.osc");
        Score.write(file, bundles);
        ScoreNames names = ScoreNames.of(Score.read(file, 48000), BUILT_INS);
        assertEquals(Set.of("test:sine", "test:buffer", "test:play"), names.defUris());
        assertEquals(Set.of("/buffer/read", "/x/y"), names.commands());
        assertEquals(Set.of("take.flac", "test:buffer", "test:sine", "freq", "test:play"), names.strings());
    }

    /** A def verb whose first argument is no string (an /error when it runs) names no def. */
    @Test
    void aDefVerbWithoutItsUriNamesNoDef() throws Exception {
        Path file = dir.resolve("t.osc");
        Score.write(file, List.of(Score.bundle(0.0, List.of(msg("/synth/new", 7, "test:sine")))));
        ScoreNames names = ScoreNames.of(Score.read(file, 48000), BUILT_INS);
        assertEquals(Set.of(), names.defUris());
        assertEquals(Set.of(), names.commands());
        assertEquals(Set.of("test:sine"), names.strings());
    }
}
