package la.methc.client.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OscToolArgsTest {

    private static OscToolArgs parse(String line) throws OscToolArgs.UsageException {
        return OscToolArgs.parse(line.isEmpty() ? new String[0] : line.split(" "));
    }

    private static String error(String line) {
        return assertThrows(OscToolArgs.UsageException.class, () -> parse(line)).getMessage();
    }

    @Test
    void everyArgumentType() throws Exception {
        OscToolArgs a = parse("localhost 57110 /x i:1 i:-7 f:0.5 f:-1e3 s:text s: h:64000000000 d:1.5 b:00ff10 b: T F N");
        assertEquals("localhost", a.host);
        assertEquals(57110, a.port);
        assertFalse(a.tcp);
        assertEquals(500, a.waitMillis);
        OSCMessage m = a.messages.get(0);
        assertEquals("/x", m.getAddress());
        assertEquals(Arrays.asList(1, -7, 0.5f, -1000f, "text", "", 64000000000L, 1.5d,
                ByteBuffer.wrap(new byte[] {0, (byte) 0xff, 0x10}), ByteBuffer.wrap(new byte[0]),
                true, false, null), m.getArguments());
    }

    @Test
    void aStringKeepsColonsAndSpaces() throws Exception {
        OscToolArgs a = OscToolArgs.parse("h", "1", "/synth/new", "s:http://methc.la/plugins/sine", "s:two words");
        assertEquals(List.of("http://methc.la/plugins/sine", "two words"), a.messages.get(0).getArguments());
    }

    @Test
    void nestedAndEmptyArrays() throws Exception {
        OscToolArgs a = parse("h 1 /synth/new s:uri i:100 i:1 i:1 [ f:440 f:0.5 ] [ ] [ [ i:1 [ ] ] i:2 ]");
        assertEquals(List.of("uri", 100, 1, 1, List.of(440f, 0.5f), List.of(), List.of(List.of(1, List.of()), 2)),
                a.messages.get(0).getArguments());
        assertEquals(List.of(List.of()), parse("h 1 /x [ ]").messages.get(0).getArguments());
    }

    @Test
    void messagesAreSeparatedByDoubleDash() throws Exception {
        OscToolArgs a = parse("127.0.0.1 57110 /version -- /notify i:1 -- /sync i:1 -- /status");
        assertEquals(4, a.messages.size());
        assertEquals("/version", a.messages.get(0).getAddress());
        assertEquals(List.of(), a.messages.get(0).getArguments());
        assertEquals(List.of(1), a.messages.get(1).getArguments());
        assertEquals("/sync", a.messages.get(2).getAddress());
        assertEquals("/status", a.messages.get(3).getAddress());
    }

    @Test
    void options() throws Exception {
        OscToolArgs a = parse("--tcp --wait 1200 h 1 /x");
        assertTrue(a.tcp);
        assertEquals(1200, a.waitMillis);
        a = parse("h 1 --wait=0 --tcp /x");
        assertTrue(a.tcp);
        assertEquals(0, a.waitMillis);
        assertTrue(OscToolArgs.isHelp(new String[] {"--help"}));
        assertTrue(OscToolArgs.isHelp(new String[] {"h", "1", "-h"}));
        assertFalse(OscToolArgs.isHelp(new String[] {"h", "1", "/x", "s:-h"}));
    }

    @Test
    void badTokensAreNamed() {
        assertTrue(error("h 1 /x i:abc").contains("'i:abc'"));
        assertTrue(error("h 1 /x i:abc").contains("32-bit integer"));
        assertTrue(error("h 1 /x i:99999999999").contains("'i:99999999999'"));
        assertTrue(error("h 1 /x f:fast").contains("'f:fast' in /x: expected a float"));
        assertTrue(error("h 1 /x f:1f").contains("'f:1f'"));
        assertTrue(error("h 1 /x d:").contains("'d:'"));
        assertTrue(error("h 1 /x h:1.5").contains("'h:1.5'"));
        assertTrue(error("h 1 /x b:abc").contains("'b:abc'"));
        assertTrue(error("h 1 /x b:zz").contains("'b:zz'"));
        assertTrue(error("h 1 /x 440").contains("'440'"));
        assertTrue(error("h 1 /x q:1").contains("'q:1'"));
        assertTrue(error("h 1 /x [f:440 ]").contains("'[f:440'"));
        assertTrue(error("h 1 /x true").contains("'true'"));
    }

    @Test
    void badStructure() {
        assertEquals("missing HOST and PORT", error(""));
        assertEquals("missing HOST and PORT before the message '/status'", error("/status"));
        assertEquals("missing PORT before the message '/status'", error("localhost /status"));
        assertTrue(error("h 1").startsWith("missing MESSAGE"));
        assertTrue(error("h port /x").contains("bad PORT 'port'"));
        assertTrue(error("h 0 /x").contains("bad PORT '0'"));
        assertTrue(error("h 70000 /x").contains("bad PORT '70000'"));
        assertTrue(error("h 1 x").contains("got 'x'"));
        assertTrue(error("h 1 /x -- i:1").contains("got 'i:1'"));
        assertTrue(error("h 1 /x --").contains("after the last '--'"));
        assertTrue(error("h 1 /x -- -- /y").contains("empty MESSAGE"));
        assertTrue(error("h 1 /x [ i:1").contains("unclosed '[' in /x"));
        assertTrue(error("h 1 /x [ i:1 -- /y ]").contains("unclosed '[' in /x"));
        assertTrue(error("h 1 /x ]").contains("unmatched ']' in /x"));
        assertTrue(error("h 1 /a#b").contains("bad OSC address '/a#b'"));
        assertTrue(error("--udp h 1 /x").contains("unknown option '--udp'"));
        assertTrue(error("h 1 --wait").contains("--wait needs"));
        assertTrue(error("--wait soon h 1 /x").contains("bad --wait value 'soon'"));
        assertTrue(error("--wait -1 h 1 /x").contains("bad --wait value '-1'"));
    }
}
