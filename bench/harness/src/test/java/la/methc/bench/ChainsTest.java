package la.methc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chain scenario: the OSC it sends, its buses, and that a chain played by a real engine sounds. */
class ChainsTest {

    private static final String BUFFER = "http://methc.la/resources/AudioBuffer/v1";

    @Test
    void eachChainHasBusesOfItsOwnWhileThereAreEnough() {
        assertEquals(new Chains.Route(0, 1, 2), Chains.route(0, 128));
        assertEquals(new Chains.Route(3, 4, 5), Chains.route(1, 128));
        // 128 buses: 42 triples (bus 126 and 127 unused), then the first again
        assertEquals(new Chains.Route(123, 124, 125), Chains.route(41, 128));
        assertEquals(new Chains.Route(0, 1, 2), Chains.route(42, 128));
        Set<Integer> used = new HashSet<>();
        for (int chain = 0; chain < 4000; chain++) {
            Chains.Route r = Chains.route(chain, 12000);
            assertTrue(used.add(r.noise()) && used.add(r.filtered()) && used.add(r.delayed()), "chain " + chain);
            assertTrue(r.delayed() < 12000);
        }
    }

    @Test
    void aChainIsTheMessagesAClientSendsForIt() {
        // written out from docs/plugins.md and docs/osc-api.md: /synth/new s:uri i:id i:target i:addAction
        // [controls] [options]; /synth/map/… i:id i:port i:bus i:flags (1 external, 4 replace)
        List<String> expected = List.of(
                "/synth/new [http://methc.la/plugins/noise, 30, 1, 1, [0.05], [7]]",
                "/synth/map/output [30, 0, 6, 4]",
                "/synth/new [http://methc.la/plugins/filter, 31, 1, 1, [2000.0, 0.707], [0]]",
                "/synth/map/input [31, 0, 6, 0]",
                "/synth/map/output [31, 0, 7, 4]",
                "/synth/new [http://methc.la/plugins/delay, 32, 1, 1, [0.1, 0.4, 0.3], [7]]",
                "/synth/map/input [32, 0, 7, 0]",
                "/synth/map/output [32, 0, 8, 4]",
                "/synth/new [http://methc.la/plugins/pan, 33, 1, 1, [0.6], []]",
                "/synth/map/input [33, 0, 8, 0]",
                "/synth/map/output [33, 0, 0, 1]",
                "/synth/map/output [33, 1, 1, 1]",
                "/synth/activate [30]", "/synth/activate [31]", "/synth/activate [32]", "/synth/activate [33]");
        assertEquals(expected, text(Chains.chain(7, 30, new Chains.Route(6, 7, 8))));
    }

    @Test
    void linesAreMadeOncePerPlaceAndNodesAreNewAfterATakeBack() {
        Chains c = new Chains(128);
        assertEquals(List.of("/resource/new [" + BUFFER + ", 0, 1, 6000]"), text(c.prepare(0)));
        assertEquals(List.of("/resource/new [" + BUFFER + ", 1, 1, 6000]"), text(c.prepare(1)));
        assertEquals(10, c.start(0).get(0).getArguments().get(1));
        assertEquals(14, c.start(1).get(0).getArguments().get(1));
        assertEquals(List.of("/node/free [14]", "/node/free [15]", "/node/free [16]", "/node/free [17]"),
                text(c.stop(1)));
        // the place taken back keeps its line; its next chain has nodes of its own
        assertEquals(List.of(), c.prepare(1));
        assertEquals(18, c.start(1).get(0).getArguments().get(1));
        assertEquals(List.of("/node/free [1]", "/resource/free [0]", "/resource/free [1]"), text(c.tearDown()));
    }

    @Test
    void inAParallelGroupEachChainIsAGroupOfItsOwn() {
        Chains c = new Chains(128, true);
        List<String> first = text(c.start(0));
        assertEquals("/group/new [10, 1, 1]", first.get(0));
        assertEquals("/synth/new [http://methc.la/plugins/noise, 11, 10, 1, [0.05], [0]]", first.get(1));
        assertTrue(first.contains("/synth/new [http://methc.la/plugins/pan, 14, 10, 1, [-0.8], []]"), first.toString());
        assertEquals("/group/new [15, 1, 1]", text(c.start(1)).get(0));
        assertEquals(List.of("/node/free [15]"), text(c.stop(1)));
    }

    @Test
    void withoutTheDelayThePanReadsTheFilter() {
        List<String> m = text(new Chains(128, false, false).start(0));
        assertEquals(List.of(
                "/synth/new [http://methc.la/plugins/noise, 10, 1, 1, [0.05], [0]]",
                "/synth/map/output [10, 0, 0, 4]",
                "/synth/new [http://methc.la/plugins/filter, 11, 1, 1, [2000.0, 0.707], [0]]",
                "/synth/map/input [11, 0, 0, 0]",
                "/synth/map/output [11, 0, 1, 4]",
                "/synth/new [http://methc.la/plugins/pan, 13, 1, 1, [-0.8], []]",
                "/synth/map/input [13, 0, 1, 0]",
                "/synth/map/output [13, 0, 0, 1]",
                "/synth/map/output [13, 1, 1, 1]",
                "/synth/activate [10]", "/synth/activate [11]", "/synth/activate [13]"), m);
        assertEquals(List.of(), new Chains(128, false, false).prepare(0), "no delay line");
    }

    @Test
    void oneChainSoundsInARealEngine() {
        float[][] out = play(1, 128, 150);
        double left = rms(out[0]);
        double right = rms(out[1]);
        assertTrue(finite(out[0]) && finite(out[1]), "finite output");
        assertTrue(left > 1e-3, "left sounds: rms " + left);
        // chain 0 pans to -0.8: equal power, left cos θ and right sin θ with θ = (pos + 1)·π/4
        double theta = (Chains.pos(0) + 1) * Math.PI / 4;
        assertEquals(Math.tan(theta), right / left, 0.02, "right / left as the pan law has it");
        // the lowpass at 2 kHz: neighbouring samples of the output are far more alike than white noise's
        assertTrue(lag1(out[0]) > 0.5, "lowpassed: lag-1 correlation " + lag1(out[0]));
    }

    @Test
    void chainsSharingBusesSoundAsChainsWithBusesOfTheirOwn() {
        // three chains on 9 buses (one triple each) and on 3 (one triple for all, replaced by each chain in turn)
        float[][] own = play(3, 9, 100);
        float[][] shared = play(3, 3, 100);
        assertTrue(rms(own[0]) > 1e-3);
        assertArrayEquals(own[0], shared[0]);
        assertArrayEquals(own[1], shared[1]);
        // and three chains are not one: the sharing did not drop the others
        assertNotEquals(rms(play(1, 3, 100)[0]), rms(shared[0]), 1e-4);
    }

    /** Plays {@code chains} chains on an engine with {@code buses} internal buses; {@code blocks} blocks of output. */
    private static float[][] play(int chains, int buses, int blocks) {
        try (ChainEngine e = new ChainEngine(chains, buses)) {
            e.start(new Chains(buses), chains);
            float[][] out = e.blocks(blocks);
            e.checkNoError();
            assertEquals(4 * chains, e.synths());
            return out;
        }
    }

    /**
     * The real plugins in a parallel group, each chain a child, on 2 render threads: the same output, sample for
     * sample, as the plain group on one thread (with and without the delay, whose child stays on the block thread).
     */
    @Test
    void chainsInAParallelGroupSoundAsInAPlainOne() {
        for (boolean delay : new boolean[] {true, false}) {
            float[][] plain;
            try (ChainEngine e = new ChainEngine(40, 120)) {
                e.start(new Chains(120, false, delay), 40);
                plain = e.blocks(200);
            }
            try (ChainEngine e = new ChainEngine(40, 120, 2)) {
                e.start(new Chains(120, true, delay), 40);
                float[][] parallel = e.blocks(200);
                e.checkNoError();
                assertTrue(rms(parallel[0]) > 1e-4, "heard");
                assertArrayEquals(plain[0], parallel[0], "delay " + delay);
                assertArrayEquals(plain[1], parallel[1], "delay " + delay);
            }
        }
    }

    @Test
    void theCostScalesLinearlyToEightyPercentOfABlock() {
        // 1,000 chains in 500 µs of a 1,333 µs block: 80% holds 1,000 × 1,066.7 / 500 = 2,133
        assertEquals(2133, ChainCost.at80(1000, 500.0));
        assertEquals(1066, ChainCost.at80(1000, 1000.0), "whole chains only");
    }

    private static List<String> text(List<OSCMessage> messages) {
        return messages.stream().map(m -> m.getAddress() + " " + m.getArguments()).toList();
    }

    private static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        return Math.sqrt(sum / x.length);
    }

    private static boolean finite(float[] x) {
        for (float v : x) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The correlation of neighbouring samples: about 0 for white noise, near 1 for a signal lowpassed far down. */
    private static double lag1(float[] x) {
        double xy = 0;
        double xx = 0;
        for (int k = 1; k < x.length; k++) {
            xy += x[k] * (double) x[k - 1];
            xx += x[k] * (double) x[k];
        }
        return xy / xx;
    }
}
