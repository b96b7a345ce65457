package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A render's client counts the errors its score caused and lists the first ones. */
class RenderLogTest {

    @Test
    void repliesThatAreNotErrorsAreNotCounted() {
        RenderLog log = new RenderLog();
        log.send(new OSCMessage("/resource/ready", List.of(1)));
        log.send(new OSCMessage("/node/ended", List.of(100)));
        assertEquals(0, log.errors());
        assertNull(log.summary());
    }

    @Test
    void everyErrorIsCountedAndTheFirstTenListed() {
        RenderLog log = new RenderLog();
        log.send(new OSCMessage("/error", List.of("/synth/new", 5, "unknown SynthDef http://methc.la/plugins/nope")));
        log.send(new OSCMessage("/resource/error", List.of(1, "numChannels must be 1..64, got 0")));
        for (int i = 0; i < 10; i++) {
            log.send(new OSCMessage("/error", List.of("/node/set", 99, "no node 99")));
        }
        assertEquals(12, log.errors());
        List<String> lines = new ArrayList<>(List.of(log.summary().split("\n")));
        assertEquals("methcla render: the score caused 12 errors, the first 10:", lines.get(0));
        assertEquals("  /error \"/synth/new\" 5 \"unknown SynthDef http://methc.la/plugins/nope\"", lines.get(1));
        assertEquals("  /resource/error 1 \"numChannels must be 1..64, got 0\"", lines.get(2));
        assertEquals("  /error \"/node/set\" 99 \"no node 99\"", lines.get(3));
        assertEquals(11, lines.size());
    }

    @Test
    void oneError() {
        RenderLog log = new RenderLog();
        log.send(new OSCMessage("/error", List.of("/nope", -1, "unknown command")));
        assertEquals("methcla render: the score caused 1 error:\n  /error \"/nope\" -1 \"unknown command\"",
                log.summary());
    }
}
