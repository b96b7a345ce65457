package la.methc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import la.methc.osc.OscCodec;
import la.methc.osc.TcpFraming;
import org.junit.jupiter.api.Test;

/** The flood figure's counting, its TCP framing, its rows, and the whole figure against a fake server. */
class FloodTest {

    private static final Reply INFO = Reply.of("/b_info", 9);

    @Test
    void theTallyCountsAnswersToTheQueriedIdOnly() {
        AtomicInteger released = new AtomicInteger();
        FloodTally t = new FloodTally(INFO, m -> m.getAddress().equals("/fail"), released::incrementAndGet);
        t.expectSync(7);
        t.accept(Osc.msg("/b_info", 9, 48000, 1, 48000f));
        t.accept(Osc.msg("/b_info", 9, 48000, 1, 48000f));
        t.accept(Osc.msg("/b_info", 8, 48000, 1, 48000f)); // another buffer: not an answer
        t.accept(Osc.msg("/fail", "/b_query", "too busy"));
        t.accept(Osc.msg("/synced", 6)); // an earlier sync: not this one
        assertEquals(2, t.answered());
        assertFalse(t.synced());
        t.accept(Osc.msg("/synced", 7));
        assertTrue(t.synced());
        t.accept(Osc.msg("/b_info", 9, 48000, 1, 48000f));
        assertEquals(3, t.answered());
        assertEquals(1, t.afterSync(), "an answer after /synced: the sync overtook it");
        assertEquals(1, t.errors().size());
        assertEquals(2, t.others());
        assertEquals(4, released.get(), "answers and refusals end a request's wait, nothing else");
    }

    @Test
    void answersArePeekedFromTheirBytes() {
        byte[] info = OscCodec.toBytes(Osc.msg("/resource/info", 9, MethclaServer.AUDIO_BUFFER, "live", 0));
        byte[] address = OscPeek.paddedAddress("/resource/info");
        assertEquals(16, address.length, "15 characters, a NUL");
        assertEquals(12, OscPeek.paddedAddress("/b_query").length, "8 characters, then 4 NULs");
        assertTrue(OscPeek.matches(info, 0, info.length, address, 9));
        assertFalse(OscPeek.matches(info, 0, info.length, address, 8), "another id");
        assertFalse(OscPeek.matches(info, 0, info.length, OscPeek.paddedAddress("/resource/inf"), 9));
        assertFalse(OscPeek.matches(info, 0, 20, address, 9), "cut before its first argument");
        byte[] text = OscCodec.toBytes(Osc.msg("/resource/info", "9"));
        assertFalse(OscPeek.matches(text, 0, text.length, address, 9), "a string first argument");

        List<OSCMessage> replies = List.of(Osc.msg("/b_info", 9, 1, 1, 1f), Osc.msg("/synced", 3),
                Osc.msg("/b_info", 9, 1, 1, 1f));
        byte[] bundle = OscCodec.toBytes(new OSCBundle(List.of(Osc.now(replies.subList(0, 2)), replies.get(2)),
                com.illposed.osc.argument.OSCTimeTag64.IMMEDIATE));
        AtomicInteger released = new AtomicInteger();
        FloodTally t = new FloodTally(INFO, m -> false, released::incrementAndGet);
        t.expectSync(3);
        List<String> decoded = new ArrayList<>();
        OscPeek.forEachMessage(bundle, 0, bundle.length, (b, off, len) -> {
            if (!t.take(b, off, len)) {
                try {
                    OSCMessage m = (OSCMessage) OscCodec.decode(b, off, len);
                    decoded.add(m.getAddress());
                    t.accept(m);
                } catch (OscCodec.BadPacketException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertEquals(List.of("/synced"), decoded, "the answers taken from their bytes, the rest decoded");
        assertEquals(2, t.answered());
        assertEquals(1, t.afterSync());
        assertEquals(2, released.get());
    }

    @Test
    void shareAndLoss() {
        assertEquals(1.0, FloodTally.share(6000, 6000));
        assertEquals(0.7335, FloodTally.share(4401, 6000), 1e-4);
        assertEquals(0.0, FloodTally.share(0, 0));
        assertEquals(1599, FloodTally.lost(6000, 4401));
        assertEquals(0, FloodTally.lost(6000, 6001), "answering twice loses nothing");
        assertEquals("20,000", FloodTally.count(20000));
    }

    @Test
    void aFloodSettlesOnSyncOnEndOrAfterTheIdleTime() {
        long s = 1_000_000_000L;
        assertTrue(FloodTally.settled(true, false, 10, 9, s));
        assertTrue(FloodTally.settled(false, true, 10, 9, s));
        assertFalse(FloodTally.settled(false, false, 5 * s - 1, 4 * s, s + 1));
        assertTrue(FloodTally.settled(false, false, 5 * s, 4 * s, s));
    }

    @Test
    void theLargestBundleFitsBothServers() {
        ServerUnderTest ours = new MethclaServer(Path.of("methcla"));
        ServerUnderTest theirs = new ScsynthServer(Path.of("scsynth"), Path.of("/dev/null"), Path.of("/dev/null"));
        assertEquals(16 + 20_000 * 28, bundleBytes(ours, 20_000), "/resource/query i:9: 24 bytes + its size");
        assertEquals(16 + 20_000 * 24, bundleBytes(theirs, 20_000), "/b_query 9: 20 bytes + its size");
        assertTrue(bundleBytes(ours, 20_000) <= OscCodec.MAX_PACKET_SIZE);
    }

    @Test
    void bundlesAreEncodedAsTheCodecEncodesThem() {
        OSCMessage q = Osc.msg("/b_query", 9);
        List<OSCMessage> many = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            many.add(q);
        }
        assertArrayEquals(OscCodec.toBytes(Osc.now(many)), Flood.bundle(OscCodec.toBytes(q), 1000));
        assertEquals(16 + 100_000 * 24, Flood.bundle(OscCodec.toBytes(q), 100_000).length, "past the codec's 1 MiB");
    }

    private static int bundleBytes(ServerUnderTest server, int n) {
        List<OSCMessage> q = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            q.add(server.queryBuffer(Flood.QUERIED));
        }
        return OscCodec.toBytes(Osc.now(q)).length;
    }

    @Test
    void sizesAreParsed() {
        assertArrayEquals(new int[] {1000, 6000, 20000}, Flood.sizes("1000, 6000,20000"));
        assertThrows(IllegalArgumentException.class, () -> Flood.sizes("1000,0"));
        assertThrows(IllegalArgumentException.class, () -> Flood.sizes(","));
    }

    @Test
    void notesSayWhetherSyncCame() {
        Flood.Burst lossy = new Flood.Burst(6000, 4401, false, 0, 0, 168016, List.of(), null);
        assertEquals(0.7335, lossy.share(), 1e-4);
        assertEquals("4,401 (/synced never came)", lossy.note());
        Flood.Burst whole = new Flood.Burst(6000, 6000, true, 12.4, 0, 168016, List.of(), null);
        assertEquals("6,000 (/synced after 12 ms)", whole.note());
        Flood.Burst closed = new Flood.Burst(6000, 10, false, 0, 0, 168016, List.of(), "the server closed it");
        assertEquals("10 (/synced never came; the server closed it)", closed.note());
        Flood.Bursts trials = new Flood.Bursts(List.of(lossy, whole, closed));
        assertEquals((4401 + 6000 + 10) / 18000.0, trials.share(), 1e-9, "answered over sent, all trials");
        assertTrue(trials.note().startsWith("3 trials of 6,000 queries in one bundle of 168,016 bytes, /synced in 1;"
                + " answered: 4,401 (/synced never came), 6,000 (/synced after 12 ms), 10 ("), trials.note());
        Flood.Sustained r = new Flood.Sustained(1000, 50_000, 39_000, 49_000, 2.0, true, null, List.of(), null);
        assertEquals(19_500, r.rate());
        assertEquals(1_000, r.lost());
    }

    @Test
    void aShareNeverRoundsUpToAll() {
        assertEquals("1.00", ComparisonTable.share(1.0));
        assertEquals("0.9995", ComparisonTable.share(19_990 / 20_000.0), "10 of 20,000 unanswered is not 1.00");
        assertEquals("0.9900", ComparisonTable.share(0.99));
        assertEquals("0.98", ComparisonTable.share(0.98999));
        assertEquals("0.29", ComparisonTable.share(0.29));
        assertEquals("0.00", ComparisonTable.share(0));
        assertEquals("2.00", ComparisonTable.share(2.0), "a ratio of shares may pass 1");
    }

    @Test
    void theRowsShowTheShareAndSkipWhatNobodyMeasured() {
        Results ours = new Results();
        ours.put("flood.burst.6000", 0.7335, "4,401 of 6,000 answered");
        ours.put("flood.lost", 0, "");
        ours.put("flood.burst.20000", 19_990 / 20_000.0, "19,990 of 20,000 answered");
        Results theirs = new Results();
        theirs.put("flood.burst.6000", 1.0, "6,000 of 6,000 answered");
        theirs.put("flood.lost", 0, "");
        theirs.put("flood.burst.20000", 1.0, "20,000 of 20,000 answered");
        String md = ComparisonTable.render(ours, theirs, 10, "header");
        assertTrue(md.contains("| share of 6,000 queries in one TCP bundle answered | 0.73 | 1.00 | 0.73 |"), md);
        assertTrue(md.contains("| queries left unanswered in that run | 0 | 0 | n/a |"), md);
        assertTrue(md.contains("| share of 20,000 queries in one TCP bundle answered | 0.9995 | 1.00 | 0.9995 |"), md);
        assertFalse(md.contains("`/sync` round trip p50"), "a row neither server has is left out");
        assertFalse(md.contains("- Round trips:"), "and so is the paragraph that explains it");
        assertTrue(md.contains("- Flood (over TCP"), md);
        assertTrue(md.contains("- Methcla/J, flood.burst.6000: 4,401 of 6,000 answered"), md);
    }

    /** The figure end to end over real TCP, against a fake scsynth that leaves every tenth query unanswered. */
    @Test
    void theFigureCountsWhatAFakeServerAnswers() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread fake = new Thread(() -> serve(listener), "fake-scsynth");
            fake.setDaemon(true);
            fake.start();
            ServerUnderTest sc = new ScsynthServer(Path.of("scsynth"), Path.of("/dev/null"), Path.of("/dev/null"));
            try (Session s = new Session(sc, listener.getLocalPort())) {
                Flood flood = new Flood(s, new Results());
                Flood.Burst b = flood.burst(1000, true);
                assertEquals(900, b.answered());
                assertTrue(b.synced(), b.note());
                assertEquals(0.9, b.share(), 1e-9);
                Flood.Burst counted = flood.burst(1000, false);
                assertEquals(900, counted.answered(), counted.note());
                assertTrue(counted.synced(), counted.note());
                Flood.Sustained r = flood.sustained(0.3, 50);
                assertTrue(r.sent() > 50, r.note());
                assertTrue(r.synced(), r.note());
                assertEquals(r.sent() - r.sent() / 10, r.answered(), 1, r.note());
                assertEquals(r.sent() - r.answered(), r.lost());
            }
        }
    }

    /** Each connection: every /b_query but every tenth answered with /b_info 9, /sync with /synced. */
    private static void serve(ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket c = listener.accept();
                Thread t = new Thread(() -> answer(c), "fake-scsynth-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(Socket c) {
        try (c) {
            DataInputStream in = new DataInputStream(c.getInputStream());
            OutputStream out = c.getOutputStream();
            int queries = 0;
            byte[] packet;
            while ((packet = TcpFraming.read(in)) != null) {
                List<OSCMessage> messages = new ArrayList<>();
                flatten(OscCodec.decode(packet, 0, packet.length), messages);
                for (OSCMessage m : messages) {
                    if (m.getAddress().equals("/b_query") && ++queries % 10 != 0) {
                        out.write(TcpFraming.frame(OscCodec.encode(Osc.msg("/b_info", 9, 48000, 1, 48000f))));
                    } else if (m.getAddress().equals("/sync")) {
                        out.write(TcpFraming.frame(OscCodec.encode(Osc.msg("/synced", m.getArguments().get(0)))));
                    }
                }
                out.flush();
            }
        } catch (IOException | OscCodec.BadPacketException e) {
            // the client closed the connection
        }
    }

    private static void flatten(OSCPacket p, List<OSCMessage> out) {
        if (p instanceof OSCMessage m) {
            out.add(m);
        } else {
            for (OSCPacket q : ((OSCBundle) p).getPackets()) {
                flatten(q, out);
            }
        }
    }
}
