package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.api.World;
import org.junit.jupiter.api.Test;

/** {@code /synthdef/list}, {@code /synthdef/info}, {@code /node/query} and {@code /group/queryTree}, and their errors. */
class IntrospectionTest {

    private static List<Object> reply(EngineHarness h, String address) {
        h.block();
        return h.client.await(address).getArguments();
    }

    @Test
    void synthDefListNamesEveryBoundDefSorted() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/synthdef/list");
            List<Object> uris = reply(h, "/synthdef/list.reply");
            List<Object> sorted = new ArrayList<>(uris);
            sorted.sort(null);
            assertEquals(sorted, uris);
            assertEquals(TestSynths.registry().all().size(), uris.size());
            assertTrue(uris.containsAll(List.of(TestSynths.SINE, TestSynths.PAIR, TestSynths.CONST)), uris.toString());
        }
    }

    @Test
    void synthDefInfoDescribesEachPortOfTheDefaultInstance() {
        try (EngineHarness h = new EngineHarness()) {
            int destroyed = TestSynths.DESTROYED.get();
            h.send("/synthdef/info", TestSynths.PAIR);
            // per port name, kind, direction and default: a control input's default, 0 for the others
            assertEquals(List.of(TestSynths.PAIR, "a", "resource", "input", 0f, "gain", "control", "input", 1f, "b",
                    "resource", "output", 0f, "out", "audio", "output", 0f), reply(h, "/synthdef/info.reply"));
            assertEquals(destroyed + 1, TestSynths.DESTROYED.get(), "the instance described is destroyed");
            h.send("/synthdef/info", TestSynths.CONST);
            assertEquals(List.of(TestSynths.CONST, "value", "control", "input", 1f, "in", "audio", "input", 0f, "out",
                    "audio", "output", 0f), reply(h, "/synthdef/info.reply"));
            h.send("/synthdef/info", TestSynths.SINE);
            assertEquals(List.of(TestSynths.SINE, "freq", "control", "input", 440f, "amp", "control", "input", 1f,
                    "out", "audio", "output", 0f), reply(h, "/synthdef/info.reply"));
        }
    }

    @Test
    void onlyAControlInputsDefaultIsReported() {
        try (EngineHarness h = new EngineHarness()) {
            // a plugin may give any port a default; only a control input's means anything
            h.defs.add(TestSynths.def("test:odd-defaults", o -> new TestSynths.NoPorts() {
                @Override
                public List<PortDescriptor> ports() {
                    return List.of(new PortDescriptor(PortType.AUDIO, PortDirection.INPUT, "in", 5f),
                            PortDescriptor.controlInput("x", -2.5f),
                            new PortDescriptor(PortType.CONTROL, PortDirection.OUTPUT, "level", 7f),
                            new PortDescriptor(PortType.RESOURCE, PortDirection.INPUT, "buf", 3f));
                }

                @Override
                public void process(World world, int offset, int frames) {
                }
            }));
            h.send("/synthdef/info", "test:odd-defaults");
            assertEquals(List.of("test:odd-defaults", "in", "audio", "input", 0f, "x", "control", "input", -2.5f,
                    "level", "control", "output", 0f, "buf", "resource", "input", 0f), reply(h, "/synthdef/info.reply"));
        }
    }

    @Test
    void synthDefInfoErrors() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/synthdef/info", "test:nope");
            assertEquals(List.of("/synthdef/info", -1, "unknown SynthDef test:nope"), reply(h, "/error"));
            h.send("/synthdef/info", TestSynths.DONE); // needs option 0
            List<Object> e = reply(h, "/error");
            assertEquals(List.of("/synthdef/info", -1), e.subList(0, 2));
            assertTrue(((String) e.get(2)).startsWith("test:done needs options to describe its ports: "), e.toString());
            h.send("/synthdef/info", 1);
            assertEquals(List.of("/synthdef/info", 1, "bad arguments ,i: expected ,s"), reply(h, "/error"));
        }
    }

    @Test
    void nodeQueryAnswersIdParentKindAndUri() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", 1000, 0, 1);
            h.synth(TestSynths.SINE, 2147483647, 1000, 1);
            h.send("/node/query", 2147483647);
            assertEquals(List.of(2147483647, 1000, 0, TestSynths.SINE), reply(h, "/node/info"));
            h.send("/node/query", 1000);
            assertEquals(List.of(1000, 0, 1, ""), reply(h, "/node/info"));
            h.send("/node/query", 0);
            assertEquals(List.of(0, -1, 1, ""), reply(h, "/node/info"));
            h.send("/node/query", 7);
            assertEquals(List.of("/node/query", 7, "node 7 not found"), reply(h, "/error"));
        }
    }

    @Test
    void queryTreeGoesDepthFirst() {
        try (EngineHarness h = new EngineHarness()) {
            // 0: [1000: [70000 sine, 1001: [], 5 const], 9 sine]
            h.send("/group/new", 1000, 0, 1);
            h.synth(TestSynths.SINE, 9, 0, 1);
            h.synth(TestSynths.SINE, 70000, 1000, 1);
            h.send("/group/new", 1001, 1000, 1);
            h.synth(TestSynths.CONST, 5, 1000, 1);
            h.send("/group/queryTree", 0);
            assertEquals(List.of(0, 2, 1000, 3, "", 70000, -1, TestSynths.SINE, 1001, 0, "", 5, -1, TestSynths.CONST,
                    9, -1, TestSynths.SINE), reply(h, "/group/queryTree.reply"));
            h.send("/group/queryTree", 1001);
            assertEquals(List.of(1001, 0), reply(h, "/group/queryTree.reply"));
            h.send("/group/queryTree", 1000);
            assertEquals(List.of(1000, 3, 70000, -1, TestSynths.SINE, 1001, 0, "", 5, -1, TestSynths.CONST),
                    reply(h, "/group/queryTree.reply"));
            h.send("/group/queryTree", 9);
            assertEquals(List.of("/group/queryTree", 9, "node 9 is a synth, not a group"), reply(h, "/error"));
            h.send("/group/queryTree", 8);
            assertEquals(List.of("/group/queryTree", 8, "node 8 not found"), reply(h, "/error"));
        }
    }

    /**
     * A bundle of many tree queries neither allocates a snapshot per query nor walks the tree for each: the tree's
     * {@value la.methc.engine.internal.tree.TreeSnapshot#POOL} snapshots are filled, the rest answered busy at once.
     * The client's first reply blocks the notifier, so no snapshot comes back during the block.
     */
    @Test
    void aFloodOfTreeQueriesIsAnsweredBusyBeyondThePool() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.synth(TestSynths.SINE, 5, 0, 1);
            java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
            RecordingClient got = new RecordingClient("flood");
            la.methc.engine.internal.osc.Client slow = new la.methc.engine.internal.osc.Client() {
                @Override
                public void send(com.illposed.osc.OSCPacket p) {
                    try {
                        open.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    got.send(p);
                }

                @Override
                public String describe() {
                    return "slow";
                }
            };
            int queries = 50;
            List<com.illposed.osc.OSCPacket> bundle = new java.util.ArrayList<>();
            for (int i = 0; i < queries; i++) {
                bundle.add(EngineHarness.msg("/group/queryTree", 0));
            }
            h.dispatcher.onPacket(new com.illposed.osc.OSCBundle(bundle), slow);
            h.block();
            open.countDown();
            int replies = 0;
            int busy = 0;
            for (OSCMessage m : got.drainUntilCount(queries, 5000)) {
                if (m.getAddress().equals("/group/queryTree.reply")) {
                    assertEquals(List.of(0, 1, 5, -1, TestSynths.SINE), m.getArguments());
                    replies++;
                } else {
                    assertEquals(List.of("/group/queryTree", 0, "busy: " + la.methc.engine.internal.tree.TreeSnapshot.POOL
                            + " tree queries are being answered; ask again once a reply came"), m.getArguments());
                    busy++;
                }
            }
            assertEquals(la.methc.engine.internal.tree.TreeSnapshot.POOL, replies);
            assertEquals(queries - replies, busy);
            h.send("/group/queryTree", 0); // every snapshot came back
            assertEquals(List.of(0, 1, 5, -1, TestSynths.SINE), reply(h, "/group/queryTree.reply"));
        }
    }

    @Test
    void aTreeTooLargeForOnePacketIsAnErrorNotAPartialReply() {
        try (EngineHarness h = new EngineHarness()) {
            RecordingClient small = new RecordingClient("udp:small", 200);
            for (int i = 1; i <= 20; i++) {
                h.synth(TestSynths.SINE, i, 0, 1);
            }
            h.dispatcher.onPacket(EngineHarness.msg("/group/queryTree", 0), small);
            h.block();
            List<Object> e = small.await("/error").getArguments();
            assertEquals(List.of("/group/queryTree", 0), e.subList(0, 2));
            assertTrue(((String) e.get(2)).matches("the reply for the 20 nodes below group 0 takes \\d+ bytes, more "
                    + "than udp:small takes in one packet \\(200\\): query a group further down, or over TCP"),
                    e.get(2).toString());
        }
    }
}
