package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.tree.SynthNode;
import org.junit.jupiter.api.Test;

/** Resource ports: attach at /synth/new, re-map with /node/set i:…, detach when the node leaves. */
class ResourcePortsTest {

    private static final String URI = TestResources.URI;

    private static List<String> addresses(List<OSCMessage> messages) {
        return messages.stream().map(OSCMessage::getAddress).toList();
    }

    /** Resources 1, 2, 3 with values 1, 2, 3. */
    private static EngineHarness withThreeResources() {
        EngineHarness h = new EngineHarness();
        for (int id = 1; id <= 3; id++) {
            h.newResource(URI, id, (float) id);
        }
        return h;
    }

    private static float play(EngineHarness h) {
        return h.block()[0][0];
    }

    @Test
    void parametersAreControlInputsAndResourcePortsNumberedTogetherInPortOrder() {
        try (EngineHarness h = withThreeResources()) {
            // ports: resource a, control gain, resource b, audio out → parameters 0 a, 1 gain, 2 b
            h.synthWith(TestSynths.PAIR, 10, 0, 1, 1, 2);
            h.send("/synth/map/output", 10, 0, 0, 1);
            h.send("/synth/activate", 10);
            assertEquals(201f, play(h));
            h.send("/node/set", 10, 1, 2f); // gain
            assertEquals(402f, play(h));
            h.send("/node/set", 10, 0, 3); // a → 3
            assertEquals(406f, play(h));
            h.send("/node/set", 10, 2, 1); // b → 1
            assertEquals(206f, play(h));
            h.send("/node/set", 10, 1, 3); // an int on a control input is converted
            assertEquals(309f, play(h));
            assertEquals(List.of(URI, "live", 1), h.query(1));
            assertEquals(List.of(URI, "live", 0), h.query(2));
            assertEquals(List.of(URI, "live", 1), h.query(3));
            assertEquals(List.of(), h.sync());
        }
    }

    @Test
    void theControlsArrayOfSynthNewStillFillsControlInputsInOrder() {
        try (EngineHarness h = withThreeResources()) {
            h.dispatcher.onPacket(msg("/synth/new", TestSynths.PAIR, 10, 0, 1, new ArrayList<>(List.of(0.5f)),
                    new ArrayList<>(List.of(1, 2))), h.client);
            h.send("/synth/map/output", 10, 0, 0, 1);
            h.send("/synth/activate", 10);
            assertEquals(100.5f, play(h));
            h.dispatcher.onPacket(msg("/synth/new", TestSynths.PAIR, 11, 0, 1, new ArrayList<>(List.of(1f, 2f)),
                    new ArrayList<>()), h.client);
            assertEquals(List.of("/synth/new", 11, "test:pair has 1 control inputs, got 2 values"),
                    h.until("/error").getArguments());
        }
    }

    @Test
    void aFloatOnAResourcePortIsAnError() {
        try (EngineHarness h = withThreeResources()) {
            h.synthWith(TestSynths.PAIR, 10, 0, 1, 1, 2);
            h.send("/node/set", 10, 2, 3f);
            assertEquals(List.of("/node/set", 10, "parameter 2 is a resource port; give an int resource id"),
                    h.until("/error").getArguments());
            assertEquals(List.of(URI, "live", 1), h.query(2), "binding unchanged");
        }
    }

    @Test
    void aParameterOutOfRangeNamesBothKinds() {
        try (EngineHarness h = withThreeResources()) {
            h.synthWith(TestSynths.PAIR, 10, 0, 1, 1, 2);
            h.send("/node/set", 10, 3, 1);
            assertEquals(List.of("/node/set", 10,
                    "parameter 3 out of range (synth has 3: 1 control inputs and 2 resource ports)"),
                    h.until("/error").getArguments());
        }
    }

    @Test
    void detachReleasesWhenTheNodeLeavesByFreeGroupFreeOrFailure() {
        try (EngineHarness h = withThreeResources()) {
            h.send("/group/new", 5, 0, 1);
            h.synthWith(TestSynths.HOLDER, 10, 5, 1, 1);
            h.synthWith(TestSynths.HOLDER, 11, 5, 1, 1);
            h.synthWith(TestSynths.HOLDER, 12, 0, 1, 2);
            h.block();
            assertEquals(List.of(URI, "live", 2), h.query(1));
            h.send("/node/free", 10);
            h.block();
            assertEquals(List.of(URI, "live", 1), h.query(1));
            h.send("/group/freeAll", 5);
            h.block();
            assertEquals(List.of(URI, "live", 0), h.query(1));
            h.send("/node/free", 12);
            h.block();
            assertEquals(List.of(URI, "live", 0), h.query(2));
            List<OSCMessage> got = h.sync();
            assertEquals(3, addresses(got).stream().filter("/node/ended"::equals).count(), got.toString());
        }
    }

    @Test
    void attachFailureReleasesWhatItAcquiredThroughDetach() {
        try (EngineHarness h = withThreeResources()) {
            // a binds resource 1, then b fails (out of range): attach throws, detach closes a
            h.synthWith(TestSynths.PAIR, 10, 0, 1, 1, 99);
            assertEquals(List.of("/synth/new", 10, "resource 99: resource id out of range"),
                    h.until("/error").getArguments());
            assertNull(h.engine.tree().get(10));
            assertEquals(List.of(URI, "live", 0), h.query(1));
            List<OSCMessage> got = h.sync();
            assertFalse(addresses(got).contains("/node/ended"), got.toString());
        }
    }

    @Test
    void theEngineReleasesWhatASynthForgetsInDetach() {
        try (EngineHarness h = withThreeResources()) {
            h.synthWith(TestSynths.LEAKY, 10, 0, 1, 1);
            h.block();
            assertEquals(List.of(URI, "live", 1), h.query(1));
            h.send("/node/free", 10);
            h.block();
            assertEquals(List.of(URI, "live", 0), h.query(1));
        }
    }

    @Test
    void holdsAreTrackedPerSynthThroughAttachRemapAndDetach() {
        try (EngineHarness h = withThreeResources()) {
            h.synthWith(TestSynths.PAIR, 10, 0, 1, 1, 1);
            h.block();
            SynthNode n = (SynthNode) h.engine.tree().get(10);
            assertEquals(2, n.held().holds(1), "the same Resource on two ports: two holds");
            assertEquals(List.of(URI, "live", 2), h.query(1));
            h.send("/node/set", 10, 0, 2);
            h.block();
            assertEquals(1, n.held().holds(1));
            assertEquals(1, n.held().holds(2));
            h.send("/node/set", 10, 0, 2); // the same id again: a no-op
            h.block();
            assertEquals(1, n.held().holds(2));
            assertEquals(List.of(URI, "live", 1), h.query(2));
            h.send("/node/free", 10);
            h.block();
            assertEquals(0, n.held().size());
        }
    }
}
