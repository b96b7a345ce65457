package la.methc.itests;

import static la.methc.itests.HandMadeOsc.message;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The built distribution ({@code bin/methcla --driver dummy}) asked what it holds, as a SuperCollider user would:
 * node ids from 1000 up to 2^31-1, {@code /node/set} by name with several pairs, {@code /synthdef/list},
 * {@code /synthdef/info} of every bundled def (and the defaults docs/plugins.md gives), {@code /node/query} and {@code /group/queryTree}. Requests are written
 * byte by byte ({@link HandMadeOsc}) and replies decoded byte by byte, over UDP, without JavaOSC.
 */
public class IntrospectionIT {

    private static final Path WORK = Path.of("target/introspection-it").toAbsolutePath();
    private static final String P = "http://methc.la/plugins/";
    private static final Path PLUGINS_MD = Path.of("../docs/plugins.md").toAbsolutePath().normalize();
    private static Process engine;
    private static Udp osc;

    @BeforeClass
    public static void start() throws Exception {
        Files.createDirectories(WORK);
        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        engine = Launcher.serve(WORK, log, port);
        osc = new Udp(port);
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            osc.send(message("/quit"));
            osc.await("/done");
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        } finally {
            osc.close();
            engine.destroyForcibly();
        }
    }

    private static List<Object> synthNew(String def, int id, int target) throws IOException {
        osc.send(message("/synth/new", P + def, id, target, 1, List.of(), List.of()));
        osc.send(message("/sync", id));
        return osc.await("/synced");
    }

    @Test
    public void idsAboveMaxNodesNamesAndTheTree() throws Exception {
        osc.send(message("/group/new", 1000, 0, 1));
        synthNew("sine", 70000, 1000);
        synthNew("amplifier", Integer.MAX_VALUE, 1000);
        osc.send(message("/group/new", 1001, 0, 1));
        // names and numbers mixed, several pairs in one message
        osc.send(message("/node/set", 70000, "freq", 660f, "amp", 0.2f, 0, 440f));
        osc.send(message("/node/set", Integer.MAX_VALUE, "amp", 0.5f));
        osc.send(message("/sync", 1));
        assertEquals(List.of(1), osc.await("/synced"));

        osc.send(message("/node/query", 70000));
        assertEquals(List.of(70000, 1000, 0, P + "sine"), osc.await("/node/info"));
        osc.send(message("/node/query", 1000));
        assertEquals(List.of(1000, 0, 1, ""), osc.await("/node/info"));
        osc.send(message("/group/queryTree", 0));
        assertEquals(List.of(0, 2, 1000, 2, "", 70000, -1, P + "sine", Integer.MAX_VALUE, -1, P + "amplifier",
                1001, 0, ""), osc.await("/group/queryTree.reply"));
        osc.send(message("/group/queryTree", 1000));
        assertEquals(List.of(1000, 2, 70000, -1, P + "sine", Integer.MAX_VALUE, -1, P + "amplifier"),
                osc.await("/group/queryTree.reply"));

        // a bad pair sets none, and one /error names it
        osc.send(message("/node/set", 70000, "amp", 0f, "frq", 1f));
        assertEquals(List.of("/node/set", 70000, P + "sine has no parameter named frq (its parameters: freq, amp); "
                + "none of the 2 pairs was set"), osc.await("/error"));
        osc.send(message("/node/set", 70000, "out", 1f));
        assertEquals(List.of("/node/set", 70000, "port out of " + P + "sine is an audio output, not a parameter (its "
                + "parameters: freq, amp)"), osc.await("/error"));
        osc.send(message("/node/set", 70000, "amp"));
        List<Object> shape = osc.await("/error");
        assertEquals(List.of("/node/set", 70000), shape.subList(0, 2));
        assertTrue(shape.toString(), shape.get(2).toString().startsWith("bad arguments ,is: expected ,i then pairs"));
        osc.send(message("/group/new", -1, 0, 1));
        assertEquals(List.of("/group/new", -1, "node id -1 is negative (node ids are 0 to 2147483647)"),
                osc.await("/error"));
        osc.send(message("/group/queryTree", 70000));
        assertEquals(List.of("/group/queryTree", 70000, "node 70000 is a synth, not a group"), osc.await("/error"));
        osc.send(message("/node/query", 1002));
        assertEquals(List.of("/node/query", 1002, "node 1002 not found"), osc.await("/error"));

        osc.send(message("/node/free", 1000));
        osc.send(message("/node/free", 1001));
        osc.send(message("/group/queryTree", 0));
        assertEquals(List.of(0, 0), osc.await("/group/queryTree.reply"));
    }

    @Test
    public void everyBundledDefIsListedAndDescribed() throws Exception {
        osc.send(message("/synthdef/list"));
        List<Object> uris = osc.await("/synthdef/list.reply");
        List<Object> expected = new ArrayList<>();
        for (String d : List.of("amplifier", "asr-envelope", "delay", "done-after", "envelope", "filter", "noise",
                "oscillator", "pan", "patch-cable", "play", "record", "reverb", "sine")) {
            expected.add(P + d);
        }
        assertEquals(expected, uris);
        // per port: name, kind, direction, default (a control input's; 0 for the others)
        assertInfo("sine", "freq", "control", "input", 440f, "amp", "control", "input", 1f, "out", "audio", "output", 0f);
        assertInfo("noise", "amp", "control", "input", 1f, "out", "audio", "output", 0f);
        assertInfo("oscillator", "freq", "control", "input", 440f, "amp", "control", "input", 1f, "out", "audio",
                "output", 0f);
        assertInfo("patch-cable", "in", "audio", "input", 0f, "out", "audio", "output", 0f);
        assertInfo("amplifier", "in", "audio", "input", 0f, "amp", "control", "input", 1f, "out", "audio", "output", 0f);
        assertInfo("asr-envelope", "in", "audio", "input", 0f, "out", "audio", "output", 0f);
        assertInfo("pan", "in", "audio", "input", 0f, "pos", "control", "input", 0f, "left", "audio", "output", 0f,
                "right", "audio", "output", 0f);
        assertInfo("reverb", "inLeft", "audio", "input", 0f, "inRight", "audio", "input", 0f, "room", "control",
                "input", 0.5f, "damp", "control", "input", 0.5f, "mix", "control", "input", 0.33f, "outLeft", "audio",
                "output", 0f, "outRight", "audio", "output", 0f);
        assertInfo("envelope", "in", "audio", "input", 0f, "gate", "control", "input", 1f, "out", "audio", "output",
                0f);
        assertInfo("done-after");
        assertInfo("delay", "buffer", "resource", "input", 0f, "time", "control", "input", 0.25f, "feedback",
                "control", "input", 0.3f, "mix", "control", "input", 0.5f, "in", "audio", "input", 0f, "out", "audio",
                "output", 0f);
        assertInfo("filter", "in", "audio", "input", 0f, "cutoff", "control", "input", 1000f, "q", "control", "input",
                0.707f, "out", "audio", "output", 0f);
        assertInfo("play", "buffer", "resource", "input", 0f, "rate", "control", "input", 1f, "loop", "control",
                "input", 0f, "start", "control", "input", 0f, "out0", "audio", "output", 0f);
        assertInfo("record", "buffer", "resource", "output", 0f, "loop", "control", "input", 0f, "start", "control",
                "input", 0f, "in0", "audio", "input", 0f);
        osc.send(message("/synthdef/info", P + "nope"));
        assertEquals(List.of("/synthdef/info", -1, "unknown SynthDef " + P + "nope"), osc.await("/error"));
    }

    /**
     * The table of docs/plugins.md, read as a reader reads it: every control input a def reports is in its "controls:
     * default" column with the default the engine reports, and the column names no other control.
     */
    @Test
    public void theDocumentedDefaultsAreTheReportedOnes() throws Exception {
        Pattern row = Pattern.compile("^\\| `([a-z-]+)` \\|[^|]*\\|([^|]*)\\|");
        Pattern pair = Pattern.compile("`(\\w+)` (-?[0-9.]+)");
        int rows = 0;
        for (String line : Files.readAllLines(PLUGINS_MD, StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (!m.find()) {
                continue;
            }
            rows++;
            Map<String, Float> documented = new LinkedHashMap<>();
            Matcher p = pair.matcher(m.group(2));
            while (p.find()) {
                documented.put(p.group(1), Float.parseFloat(p.group(2)));
            }
            osc.send(message("/synthdef/info", P + m.group(1)));
            List<Object> info = osc.await("/synthdef/info.reply");
            Map<String, Float> reported = new LinkedHashMap<>();
            for (int k = 1; k + 3 < info.size(); k += 4) {
                if (info.get(k + 1).equals("control") && info.get(k + 2).equals("input")) {
                    reported.put((String) info.get(k), (Float) info.get(k + 3));
                }
            }
            assertEquals(m.group(1) + " in " + PLUGINS_MD, reported, documented);
        }
        assertEquals("rows of the table in " + PLUGINS_MD, 14, rows);
    }

    private static void assertInfo(String def, Object... ports) throws IOException {
        osc.send(message("/synthdef/info", P + def));
        List<Object> expected = new ArrayList<>(List.of(P + def));
        expected.addAll(Arrays.asList(ports));
        assertEquals(expected, osc.await("/synthdef/info.reply"));
    }

    /** A UDP client of raw bytes. */
    private static final class Udp implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket();
        private final int port;

        Udp(int port) throws IOException {
            this.port = port;
            socket.setSoTimeout(5000);
        }

        void send(byte[] packet) throws IOException {
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
        }

        /** The arguments of the next reply to {@code address}; an unexpected {@code /error} fails. */
        List<Object> await(String address) throws IOException {
            byte[] buffer = new byte[65536];
            while (true) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no " + address + " within 5 s");
                }
                byte[] packet = Arrays.copyOf(p.getData(), p.getLength());
                String got = HandMadeOsc.address(packet);
                if (got.equals(address)) {
                    return HandMadeOsc.arguments(packet);
                }
                if (got.equals("/error")) {
                    throw new AssertionError("waiting for " + address + ": " + HandMadeOsc.arguments(packet));
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
