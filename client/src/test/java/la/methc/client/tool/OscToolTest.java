package la.methc.client.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import la.methc.osc.OscCodec;
import la.methc.osc.TcpFraming;
import org.junit.jupiter.api.Test;

class OscToolTest {

    /**
     * Answers like the engine would, for a few addresses, over plain sockets and the shared codec (UDP, or TCP
     * with size-prefixed frames); records what it got.
     */
    static final class FakeEngine implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final DatagramSocket udp;
        private final ServerSocket tcp;
        private final Thread thread;

        private FakeEngine(boolean overTcp) throws IOException {
            udp = overTcp ? null : new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            tcp = overTcp ? new ServerSocket(0, 5, InetAddress.getLoopbackAddress()) : null;
            thread = new Thread(overTcp ? this::serveTcp : this::serveUdp, "fake-engine");
            thread.start();
        }

        static FakeEngine udp() throws IOException {
            return new FakeEngine(false);
        }

        static FakeEngine tcp() throws IOException {
            return new FakeEngine(true);
        }

        int port() {
            return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
        }

        private void serveUdp() {
            byte[] buffer = new byte[65536];
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    udp.receive(p);
                    SocketAddress from = p.getSocketAddress();
                    for (OSCMessage r : answer(buffer, p.getLength())) {
                        byte[] bytes = OscCodec.toBytes(r);
                        udp.send(new DatagramPacket(bytes, bytes.length, from));
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void serveTcp() {
            try (Socket s = tcp.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                for (byte[] p = TcpFraming.read(in); p != null; p = TcpFraming.read(in)) {
                    for (OSCMessage r : answer(p, p.length)) {
                        TcpFraming.write(s.getOutputStream(), OscCodec.encode(r));
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        private List<OSCMessage> answer(byte[] bytes, int length) {
            OSCMessage m;
            try {
                m = (OSCMessage) OscCodec.decode(bytes, 0, length);
            } catch (OscCodec.BadPacketException e) {
                received.add("bad: " + e.getMessage());
                return List.of(new OSCMessage("/error", List.of("", -1, "malformed OSC packet: " + e.getMessage())));
            }
            received.add(OscTool.format(m));
            return switch (m.getAddress()) {
                case "/version" -> List.of(new OSCMessage("/version.reply", List.of("Methcla/J", 0, 1, "0.1.0")));
                case "/synth/new" -> List.of(new OSCMessage("/error", List.of("/synth/new", m.getArguments().get(1),
                        "unknown SynthDef " + m.getArguments().get(0))));
                case "/echo" -> List.of(new OSCMessage("/echo", m.getArguments()));
                default -> List.of();
            };
        }

        @Override
        public void close() throws Exception {
            if (udp != null) {
                udp.close();
            } else {
                tcp.close();
            }
            thread.join(5000);
        }
    }

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OscTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sendsInOrderAndPrintsEveryReplyOverUdp() throws Exception {
        try (FakeEngine engine = FakeEngine.udp()) {
            Run r = run("--wait", "300", "127.0.0.1", String.valueOf(engine.port()),
                    "/version", "--", "/synth/new", "s:http://methc.la/plugins/nope", "i:5", "i:0", "i:0",
                    "--", "/echo", "s:say \"hi\"", "f:0.5", "h:64", "d:1.5", "T", "F", "N", "[", "i:1", "]", "[", "]", "b:0102",
                    "--", "/nested", "[", "[", "]", "]");
            assertEquals(0, r.status(), r.err());
            assertEquals(List.of(
                    "/version.reply \"Methcla/J\" 0 1 \"0.1.0\"",
                    "/error /synth/new 5 \"unknown SynthDef http://methc.la/plugins/nope\"",
                    "/echo \"say \\\"hi\\\"\" 0.5 64 1.5 true false nil [ 1 ] [ ] b:0102",
                    // the tool sends nested arrays; the engine's parser refuses them, with a reason
                    "/error \"\" -1 \"malformed OSC packet: nested OSC arrays are not supported (type tags ,[[]])\""),
                    r.lines());
            assertEquals("", r.err());
            assertEquals(4, engine.received.size());
            assertEquals("/version", engine.received.get(0));
            assertEquals("/synth/new \"http://methc.la/plugins/nope\" 5 0 0", engine.received.get(1));
        }
    }

    @Test
    void overTcpWithTheSizePrefix() throws Exception {
        try (FakeEngine engine = FakeEngine.tcp()) {
            Run r = run("--tcp", "--wait", "300", "127.0.0.1", String.valueOf(engine.port()),
                    "/version", "--", "/echo", "[", "f:440", "f:0.5", "]", "[", "]");
            assertEquals(0, r.status(), r.err());
            assertEquals(List.of("/version.reply \"Methcla/J\" 0 1 \"0.1.0\"", "/echo [ 440.0 0.5 ] [ ]"), r.lines());
        }
    }

    @Test
    void nothingToPrintWhenNothingAnswers() throws Exception {
        try (FakeEngine engine = FakeEngine.udp()) {
            long t0 = System.nanoTime();
            Run r = run("--wait", "100", "127.0.0.1", String.valueOf(engine.port()), "/quiet", "i:1");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(0, r.status());
            assertEquals("", r.out());
            assertTrue(ms >= 100, ms + " ms");
            assertEquals(List.of("/quiet 1"), engine.received);
        }
    }

    /**
     * The engine keeps a UDP client registered until it says {@code /notify 0}, and a finished run cannot say it
     * later: a run that registered unregisters as it exits (after printing, so its notifications came).
     */
    @Test
    void aUdpRunThatRegisteredUnregistersAsItExits() throws Exception {
        try (FakeEngine engine = FakeEngine.udp()) {
            String port = String.valueOf(engine.port());
            assertEquals(0, run("--wait", "50", "127.0.0.1", port, "/notify", "i:1", "--", "/version").status());
            awaitReceived(engine, List.of("/notify 1", "/version", "/notify 0"));
            // not registered at the end: nothing more is sent
            engine.received.clear();
            assertEquals(0, run("--wait", "50", "127.0.0.1", port, "/notify", "i:1", "--", "/notify", "i:0").status());
            assertEquals(0, run("--wait", "50", "127.0.0.1", port, "/version").status());
            awaitReceived(engine, List.of("/notify 1", "/notify 0", "/version"));
            Thread.sleep(100);
            assertEquals(List.of("/notify 1", "/notify 0", "/version"), engine.received);
        }
    }

    private static void awaitReceived(FakeEngine engine, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.received.size() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, engine.received);
    }

    @Test
    void badArgumentsExitTwoWithUsage() {
        Run r = run("127.0.0.1", "57110", "/x", "i:one");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("methcla osc: bad argument 'i:one' in /x"), r.err());
        assertTrue(r.err().contains("usage: methcla osc"), r.err());
        assertEquals("", r.out());
        Run help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: methcla osc"));
    }

    @Test
    void aRefusedTcpConnectionExitsOne() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run("--tcp", "127.0.0.1", String.valueOf(port), "/status");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("methcla osc: tcp 127.0.0.1:" + port), r.err());
    }

    /** What {@code bin/methcla osc} runs: a JVM with only the engine, the OSC codec, JavaOSC and slf4j-api, no OSGi. */
    @Test
    void runsWithoutOsgiOnTheClassPath() throws Exception {
        try (FakeEngine engine = FakeEngine.udp()) {
            List<String> cp = List.of(location(OscTool.class), location(la.methc.osc.OscCodec.class),
                    location(OSCMessage.class), location(org.slf4j.Logger.class));
            for (String entry : cp) {
                assertFalse(entry.contains("osgi"), entry);
            }
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", String.join(File.pathSeparator, cp),
                    OscTool.class.getName(), "--wait", "300", "127.0.0.1", String.valueOf(engine.port()), "/version"));
            Process p = new ProcessBuilder(command).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the tool did not exit");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), err);
            assertEquals("/version.reply \"Methcla/J\" 0 1 \"0.1.0\"", out.strip());
            assertEquals("", err); // no slf4j "no providers" noise either
        }
    }

    private static String location(Class<?> c) throws Exception {
        Path p = Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        return p.toString();
    }

    @Test
    void formatsEveryType() {
        assertEquals("/r 1 0.5 \"s\" /a/b \"/a b\" \"\" 7 2.5 true false nil [ 1 [ ] ] b:ff00 'c'",
                OscTool.format(new OSCMessage("/r", Arrays.asList(1, 0.5f, "s", "/a/b", "/a b", "", 7L, 2.5d, true, false, null,
                        List.of(1, List.of()), ByteBuffer.wrap(new byte[] {(byte) 0xff, 0}), 'c'))));
    }

    /** A {@code t} argument is NTP time (seconds since 1900), as other clients send it, not JavaOSC's 1970. */
    @Test
    void formatsTimeTagsAsNtpTime() {
        long seconds = 2_208_988_800L + 1_000_000_000L; // 2001-09-09T01:46:40Z
        assertEquals("/t 2001-09-09T01:46:40.500Z immediately", OscTool.format(new OSCMessage("/t", List.of(
                OSCTimeTag64.valueOf(seconds << 32 | 0x8000_0000L), OSCTimeTag64.IMMEDIATE))));
    }
}
