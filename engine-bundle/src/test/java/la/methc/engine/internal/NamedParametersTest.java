package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /node/set} by name and with several pairs, all or nothing; node ids anywhere in 0..2^31-1 and a full
 * tree. The test synth {@code test:pair} has ports a (resource), gain (control), b (resource), out (audio) and
 * plays gain × (a + 100 b), a and b being the values of the Resources bound.
 */
class NamedParametersTest {

    private static EngineHarness withThreeResources() {
        EngineHarness h = new EngineHarness();
        for (int id = 1; id <= 3; id++) {
            h.newResource(TestResources.URI, id, (float) id);
        }
        return h;
    }

    private static float play(EngineHarness h) {
        return h.block()[0][0];
    }

    private static List<Object> error(EngineHarness h) {
        h.block();
        return h.client.await("/error").getArguments();
    }

    @Test
    void namesNumbersAndSeveralPairsInOneMessage() {
        try (EngineHarness h = withThreeResources()) {
            h.synthWith(TestSynths.PAIR, 70000, 0, 1, 1, 2);
            h.send("/synth/map/output", 70000, 0, 0, 1);
            h.send("/synth/activate", 70000);
            assertEquals(201f, play(h));
            h.send("/node/set", 70000, "gain", 2f);
            assertEquals(402f, play(h));
            h.send("/node/set", 70000, "a", 3, "b", 1, "gain", 3); // an int on a control input is converted
            assertEquals(309f, play(h));
            h.send("/node/set", 70000, 1, 1f, "b", 2, 0, 1); // numbers and names mixed
            assertEquals(201f, play(h));
            assertEquals(List.of(), h.sync());
        }
    }

    @Test
    void aBadPairSetsNoneAndOneErrorNamesIt() {
        try (EngineHarness h = withThreeResources()) {
            h.synthWith(TestSynths.PAIR, 5, 0, 1, 1, 2);
            h.send("/synth/map/output", 5, 0, 0, 1);
            h.send("/synth/activate", 5);
            assertEquals(201f, play(h));
            h.send("/node/set", 5, "gain", 5f, "a", 3, "nope", 1f);
            assertEquals(List.of("/node/set", 5, "test:pair has no parameter named nope (its parameters: a, gain, b);"
                    + " none of the 3 pairs was set"), error(h));
            h.send("/node/set", 5, "gain", 5f, "a", 1f);
            assertEquals(List.of("/node/set", 5, "parameter a is a resource port; give an int resource id; none of"
                    + " the 2 pairs was set"), error(h));
            h.send("/node/set", 5, "gain", 5f, 7, 1f);
            assertEquals(List.of("/node/set", 5, "parameter 7 out of range (synth has 3: 1 control inputs and 2 "
                    + "resource ports); none of the 2 pairs was set"), error(h));
            h.send("/node/set", 5, "out", 1f);
            assertEquals(List.of("/node/set", 5, "port out of test:pair is an audio output, not a parameter (its "
                    + "parameters: a, gain, b)"), error(h));
            assertEquals(201f, play(h), "nothing was set");
            assertEquals(List.of(TestResources.URI, "live", 1), h.query(1));
            assertEquals(List.of(TestResources.URI, "live", 0), h.query(3));
        }
    }

    /** A resource pair naming no Live Resource is a bad pair too: the control pairs before it are not applied. */
    @Test
    void aResourcePairOfNoLiveResourceSetsNone() {
        try (EngineHarness h = withThreeResources()) {
            h.synthWith(TestSynths.PAIR, 5, 0, 1, 1, 2);
            h.send("/synth/map/output", 5, 0, 0, 1);
            h.send("/synth/activate", 5);
            assertEquals(201f, play(h));
            h.send("/node/set", 5, "gain", 5f, "b", 9); // slot 9 is free
            assertEquals(List.of("/node/set", 5, "resource 9 for parameter b is free, not live; none of the 2 pairs"
                    + " was set"), error(h));
            h.send("/resource/free", 3);
            h.send("/node/set", 5, "gain", 5f, 0, 3); // 3 is destroyed (nobody held it)
            List<Object> e = error(h);
            assertEquals(List.of("/node/set", 5), e.subList(0, 2));
            assertTrue(((String) e.get(2)).startsWith("resource 3 for parameter 0 is "), e.toString());
            assertEquals(201f, play(h), "nothing was set");
            assertEquals(List.of(TestResources.URI, "live", 1), h.query(1));
            assertEquals(List.of(TestResources.URI, "live", 1), h.query(2));
            h.send("/node/set", 5, "gain", 5f, "a", 2, "b", 1);
            assertEquals(510f, play(h), "good pairs all apply"); // 5 × (2 + 100 × 1)
        }
    }

    @Test
    void anUnknownNameNeverAsksThePluginForItsPortsAgain() {
        try (EngineHarness h = new EngineHarness()) {
            h.synth(TestSynths.PORTS_ONCE, 9, 0, 1); // its ports() throws from now on
            h.send("/synth/map/output", 9, 0, 0, 1);
            h.send("/synth/activate", 9);
            assertEquals(1f, play(h));
            h.send("/node/set", 9, "nope", 2f);
            assertEquals(List.of("/node/set", 9, "test:ports-once has no parameter named nope (its parameters: gain)"),
                    error(h));
            h.send("/node/set", 9, "out", 2f);
            assertEquals(List.of("/node/set", 9, "port out of test:ports-once is an audio output, not a parameter "
                    + "(its parameters: gain)"), error(h));
            h.send("/node/set", 9, "gain", 3f);
            assertEquals(3f, play(h), "the synth still plays");
            assertEquals(List.of(), h.sync());
        }
    }

    @Test
    void badShapesAreRefusedOnTheNetworkThread() {
        try (EngineHarness h = new EngineHarness()) {
            h.synth(TestSynths.SINE, 1, 0, 1);
            String expected = ": expected ,i then pairs of a parameter (i:number or s:name) and a value (f, or i)";
            h.send("/node/set", 1, "freq");
            assertEquals(List.of("/node/set", 1, "bad arguments ,is" + expected), error(h));
            h.send("/node/set", 1, "freq", 1f, "amp");
            assertEquals(List.of("/node/set", 1, "bad arguments ,isfs" + expected), error(h));
            h.send("/node/set", 1, 1f, 1f);
            assertEquals(List.of("/node/set", 1, "bad arguments ,iff" + expected), error(h));
            h.send("/node/set", 1, "freq", "high");
            assertEquals(List.of("/node/set", 1, "bad arguments ,iss" + expected), error(h));
            h.send("/node/set", "one", "freq", 1f);
            assertEquals(List.of("/node/set", -1, "bad arguments ,ssf" + expected), error(h));
            h.send("/node/set", 1);
            assertEquals(List.of("/node/set", 1, "bad arguments ,i" + expected), error(h));
        }
    }

    @Test
    void idsAnywhereFromZeroToTheLargestInt() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", Integer.MAX_VALUE, 0, 1);
            h.send("/group/new", 1000, Integer.MAX_VALUE, 0);
            h.synth(TestSynths.SINE, 70000, 1000, 1);
            h.synth(TestSynths.SINE, 1024, Integer.MAX_VALUE, 1);
            h.send("/node/set", 70000, "freq", 220f, "amp", 0.5f);
            h.block();
            assertEquals(List.of(1000, 1024), h.children(Integer.MAX_VALUE));
            assertEquals(List.of(70000), h.children(1000));
            var sine = (la.methc.engine.internal.tree.SynthNode) h.engine.tree().get(70000);
            assertEquals(220f, sine.control(0));
            assertEquals(0.5f, sine.control(1));
            h.send("/group/new", 1024, 0, 1);
            assertEquals(List.of("/group/new", 1024, "node id 1024 already in use"), error(h));
            h.send("/node/free", Integer.MAX_VALUE);
            assertEquals(List.of(), h.sync().stream().filter(m -> m.getAddress().equals("/error")).toList());
            assertEquals(0, h.engine.tree().numSynths());
        }
    }

    @Test
    void aFullTreeIsRefusedUntilANodeLeaves() {
        try (EngineHarness h = new EngineHarness()) { // maxNodes 64, the root included
            for (int i = 1; i < 64; i++) {
                h.send("/group/new", 1000 * i, 0, 1);
            }
            h.synth(TestSynths.SINE, 5, 0, 1);
            assertEquals(List.of("/synth/new", 5, "the node tree is full: 64 nodes (maxNodes, the root group "
                    + "included)"), error(h));
            h.send("/node/free", 1000);
            h.synth(TestSynths.SINE, 5, 0, 1);
            List<OSCMessage> got = h.sync();
            assertEquals(List.of(), got.stream().filter(m -> m.getAddress().equals("/error")).toList());
            assertEquals(1, h.engine.tree().numSynths());
            assertEquals(63, h.engine.tree().numGroups());
        }
    }
}
