package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rejected request answers {@code /error s:address i:id s:reason}. */
class ErrorRepliesTest {

    private static void assertError(EngineHarness h, String address, int id, String reasonPart) {
        h.block();
        OSCMessage e = h.client.await("/error");
        List<Object> a = e.getArguments();
        assertEquals(address, a.get(0), "address in " + a);
        assertEquals(id, a.get(1), "id in " + a);
        assertTrue(((String) a.get(2)).contains(reasonPart), "reason '" + a.get(2) + "' should contain " + reasonPart);
    }

    @Test
    void unknownAddress() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/no/such/thing", 1);
            assertError(h, "/no/such/thing", -1, "unknown command");
        }
    }

    @Test
    void wrongTypeTagsNameWhatWasExpected() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", 1, 0.5f, 1);
            assertError(h, "/group/new", 1, "bad arguments ,ifi: expected ,iii");
            h.send("/node/free");
            assertError(h, "/node/free", -1, "bad arguments");
            h.send("/node/set", 1, 0, "x");
            assertError(h, "/node/set", 1, "bad arguments ,iis");
        }
    }

    @Test
    void nodeIdsAndTargets() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", -3, 0, 1);
            assertError(h, "/group/new", -3, "node id -3 is negative (node ids are 0 to 2147483647)");
            h.synth(TestSynths.CONST, Integer.MIN_VALUE, 0, 1);
            assertError(h, "/synth/new", Integer.MIN_VALUE, "is negative");
            h.send("/group/new", 1, 0, 7);
            assertError(h, "/group/new", 1, "bad add action 7");
            h.send("/group/new", 1, 5, 0);
            assertError(h, "/group/new", 1, "target node 5 not found");
            h.send("/group/new", 0, 0, 0);
            assertError(h, "/group/new", 0, "already in use");
            h.send("/group/new", 1, 0, 2);
            assertError(h, "/group/new", 1, "root");
            h.synth(TestSynths.CONST, 2, 0, 1);
            h.send("/group/new", 3, 2, 0);
            assertError(h, "/group/new", 3, "not a group");
            h.send("/node/free", 9);
            assertError(h, "/node/free", 9, "node 9 not found");
            h.send("/node/free", 0);
            assertError(h, "/node/free", 0, "root group");
        }
    }

    @Test
    void synthNewFailures() {
        try (EngineHarness h = new EngineHarness()) {
            h.synth("http://nowhere/def", 1, 0, 1);
            assertError(h, "/synth/new", 1, "unknown SynthDef http://nowhere/def");
            h.synth(TestSynths.CONST, 1, 0, 1, 1f, 2f);
            assertError(h, "/synth/new", 1, "1 control inputs, got 2");
            h.dispatcher.onPacket(msg("/synth/new", TestSynths.DONE, 1, 0, 1, new ArrayList<>(),
                    new ArrayList<>(List.of(-1))), h.client);
            assertError(h, "/synth/new", 1, "blocks must not be negative");
            h.dispatcher.onPacket(msg("/synth/new", TestSynths.DONE, 1, 0, 1, new ArrayList<>(),
                    new ArrayList<>(List.of("x"))), h.client);
            assertError(h, "/synth/new", 1, "argument 0: expected int, got string");
            h.synth(TestSynths.CONST, 1, 0, 1);
            h.synth(TestSynths.CONST, 1, 0, 1);
            assertError(h, "/synth/new", 1, "already in use");
        }
    }

    @Test
    void portsBusesAndFlags() {
        try (EngineHarness h = new EngineHarness()) {
            h.synth(TestSynths.CONST, 1, 0, 1);
            h.send("/node/set", 1, 5, 1f);
            assertError(h, "/node/set", 1, "control input 5 out of range");
            h.send("/synth/map/output", 1, 3, 0, 0);
            assertError(h, "/synth/map/output", 1, "audio output 3 out of range");
            h.send("/synth/map/output", 1, 0, 16, 0);
            assertError(h, "/synth/map/output", 1, "internal bus 16 out of range");
            h.send("/synth/map/input", 1, 0, 2, 1);
            assertError(h, "/synth/map/input", 1, "hardware input bus 2 out of range");
            h.send("/synth/map/input", 1, 0, 2, 8);
            assertError(h, "/synth/map/input", 1, "unknown bus mapping flags 8");
            h.send("/synth/activate", 1);
            h.send("/synth/activate", 1);
            assertError(h, "/synth/activate", 1, "already active");
            h.send("/group/new", 2, 0, 1);
            h.send("/synth/activate", 2);
            assertError(h, "/synth/activate", 2, "is a group");
            h.send("/synth/property/doneFlags/set", 1, 64);
            assertError(h, "/synth/property/doneFlags/set", 1, "unknown done flags");
        }
    }

    @Test
    void malformedPackets() {
        try (EngineHarness h = new EngineHarness()) {
            h.dispatcher.onBadPacket(h.client, "truncated bundle");
            assertError(h, "", -1, "malformed OSC packet: truncated bundle");
        }
    }
}
