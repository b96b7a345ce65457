package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import la.methc.client.tool.OscTool;
import la.methc.engine.internal.osc.OscServer;
import org.junit.jupiter.api.Test;

/** The walk-through replies of the README and docs/osc-api.md, through the real dispatcher, the transports and {@code methcla osc}. */
class OscEndToEndTest {

    private static List<String> osc(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OscTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
    }

    @Test
    void repliesOfTheWalkThroughOverUdpAndTcp() throws Exception {
        try (EngineHarness h = new EngineHarness(); OscServer server = OscServer.start("127.0.0.1", 0, h.dispatcher)) {
            String port = String.valueOf(server.port());
            for (boolean tcp : new boolean[] {false, true}) {
                String how = tcp ? "--tcp" : "--wait=200";
                assertEquals(List.of("/version.reply \"Methcla/J\" 0 1 \"0.1.0\"", "/done /notify"),
                        osc(how, "--wait", "200", "127.0.0.1", port, "/version", "--", "/notify", "i:1"));
                assertEquals(List.of("/error /synth/new 5 \"unknown SynthDef http://methc.la/plugins/nope\""),
                        osc(how, "--wait", "200", "127.0.0.1", port,
                                "/synth/new", "s:http://methc.la/plugins/nope", "i:5", "i:0", "i:0"));
                assertEquals(List.of("/error \"\" -1 \"malformed OSC packet: nested OSC arrays are not supported (type tags ,[[]])\""),
                        osc(how, "--wait", "200", "127.0.0.1", port, "/node/set", "[", "[", "]", "]"));
            }
        }
    }
}
