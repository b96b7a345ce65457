package la.methc.engine.internal.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import la.methc.osc.NtpTime;
import la.methc.osc.OscCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OscTransportTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(LOOPBACK, 0);
    /** Another loopback address (all of 127/8 is loopback): the client the allow-list tests let in. */
    private static final InetAddress OTHER_LOOPBACK = ip("127.0.0.2");

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void noThreadOutlivesItsTransport() {
        waitFor(() -> OscThreads.alive().isEmpty(), "no methcla-osc thread alive: " + OscThreads.alive());
    }

    // ------------------------------------------------------------------ helpers

    /** A sink that answers every message with /reply ADDRESS and every bad packet with /error REASON. */
    private static RecordingSink replyingSink() {
        return new RecordingSink(
                (p, c) -> {
                    if (p instanceof OSCMessage m) {
                        c.send(new OSCMessage("/reply", List.of(m.getAddress(), ByteBuffer.wrap(new byte[] {1, 2, 3}), 9)));
                    }
                },
                (reason, c) -> c.send(new OSCMessage("/error", List.of("", -1, reason))));
    }

    private static void send(DatagramSocket s, OSCPacket p, int port) throws IOException {
        byte[] b = OscCodec.toBytes(p);
        s.send(new DatagramPacket(b, b.length, LOOPBACK, port));
    }

    private static OSCMessage receive(DatagramSocket s) throws Exception {
        s.setSoTimeout(5000);
        byte[] b = new byte[65536];
        DatagramPacket d = new DatagramPacket(b, b.length);
        s.receive(d);
        return (OSCMessage) OscCodec.decode(b, 0, d.getLength());
    }

    private static byte[] frame(OSCPacket p) throws IOException {
        byte[] b = OscCodec.toBytes(p);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(b.length);
        d.write(b);
        return out.toByteArray();
    }

    private static OSCMessage readFrame(Socket s) throws Exception {
        s.setSoTimeout(5000);
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return (OSCMessage) OscCodec.decode(b, 0, b.length);
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(LOOPBACK, port);
        s.setTcpNoDelay(true);
        return s;
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 5 s: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static void assertClosedByServer(Socket s) throws IOException {
        s.setSoTimeout(5000);
        try {
            int b;
            do {
                b = s.getInputStream().read();
            } while (b >= 0);
        } catch (SocketTimeoutException e) {
            fail("the server did not close the connection");
        } catch (IOException e) {
            // reset: closed as well
        }
    }

    // ------------------------------------------------------------------ UDP

    @Test
    void udpMessageWithEveryTypeAndABlobInTheMiddle() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (UdpTransport udp = new UdpTransport(ANY_PORT, sink); DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            udp.start();
            assertTrue(udp.port() > 0);
            send(peer, new OSCMessage("/types", la.methc.osc.OscCodecTest.everyType()), udp.port());
            RecordingSink.Received r = sink.next();
            OSCMessage m = (OSCMessage) r.packet();
            assertEquals("/types", m.getAddress());
            assertEquals(la.methc.osc.OscCodecTest.everyType(), m.getArguments());
            UdpClient from = assertInstanceOf(UdpClient.class, r.from());
            assertEquals(new InetSocketAddress(LOOPBACK, peer.getLocalPort()), from.remoteAddress());
            assertEquals("udp:" + LOOPBACK.getHostAddress() + ":" + peer.getLocalPort(), from.describe());
            assertTrue(from.isOpen());
        }
    }

    @Test
    void udpNestedBundles() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (UdpTransport udp = new UdpTransport(ANY_PORT, sink); DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            udp.start();
            OSCTimeTag64 t = OSCTimeTag64.valueOf(NtpTime.fromInstant(Instant.parse("2030-01-01T00:00:00Z")));
            OSCBundle inner = new OSCBundle(List.of(new OSCMessage("/in", List.of(2))));
            send(peer, new OSCBundle(List.<OSCPacket>of(new OSCMessage("/out", List.of(1)), inner), t), udp.port());
            OSCBundle b = (OSCBundle) sink.next().packet();
            assertEquals(t, b.getTimestamp());
            assertEquals(List.of(1), ((OSCMessage) b.getPackets().get(0)).getArguments());
            OSCBundle in = (OSCBundle) b.getPackets().get(1);
            assertEquals("/in", ((OSCMessage) in.getPackets().get(0)).getAddress());
        }
    }

    @Test
    void udpRepliesReachTheSender() throws Exception {
        RecordingSink sink = replyingSink();
        try (UdpTransport udp = new UdpTransport(ANY_PORT, sink); DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            udp.start();
            send(peer, new OSCMessage("/status"), udp.port());
            OSCMessage reply = receive(peer);
            assertEquals("/reply", reply.getAddress());
            assertEquals(List.of("/status", ByteBuffer.wrap(new byte[] {1, 2, 3}), 9), reply.getArguments());
        }
    }

    @Test
    void udpMalformedBytesAreABadPacketAnswered() throws Exception {
        RecordingSink sink = replyingSink();
        try (UdpTransport udp = new UdpTransport(ANY_PORT, sink); DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            udp.start();
            byte[] junk = "/a\0\0,ix\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            peer.send(new DatagramPacket(junk, junk.length, LOOPBACK, udp.port()));
            RecordingSink.Bad bad = sink.nextBad();
            assertTrue(bad.reason().contains("unsupported type tag 'x'"), bad.reason());
            OSCMessage error = receive(peer);
            assertEquals("/error", error.getAddress());
            assertEquals(bad.reason(), error.getArguments().get(2));
            // the transport goes on
            send(peer, new OSCMessage("/ok"), udp.port());
            assertEquals("/ok", ((OSCMessage) sink.next().packet()).getAddress());
            assertNull(sink.packets.poll());
        }
    }

    @Test
    void udpClientsOfOnePeerAreEqual() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (UdpTransport udp = new UdpTransport(ANY_PORT, sink);
                DatagramSocket a = new DatagramSocket(0, LOOPBACK);
                DatagramSocket b = new DatagramSocket(0, LOOPBACK)) {
            udp.start();
            send(a, new OSCMessage("/1"), udp.port());
            Client a1 = sink.next().from();
            send(a, new OSCMessage("/2"), udp.port());
            Client a2 = sink.next().from();
            send(b, new OSCMessage("/3"), udp.port());
            Client b1 = sink.next().from();
            assertEquals(a1, a2);
            assertSame(a1, a2, "one client object per peer, not one per datagram");
            assertEquals(a1.hashCode(), a2.hashCode());
            assertNotEquals(a1, b1);
            assertEquals(2, new HashSet<>(List.of(a1, a2, b1)).size());
            assertEquals(a1, udp.clientFor(new InetSocketAddress(LOOPBACK, a.getLocalPort())));
        }
    }

    @Test
    void udpAsksForALargeReceiveBuffer() throws Exception {
        try (UdpTransport udp = new UdpTransport(ANY_PORT, new RecordingSink());
                DatagramSocket plain = new DatagramSocket(null)) {
            plain.setReceiveBufferSize(Math.max(plain.getReceiveBufferSize(), UdpTransport.RECEIVE_BUFFER));
            // what the system grants (capped by net.core.rmem_max on Linux)
            assertEquals(plain.getReceiveBufferSize(), udp.receiveBufferSize());
        }
    }

    @Test
    void aUdpClientIsClosedWithItsTransport() throws Exception {
        UdpTransport udp = new UdpTransport(ANY_PORT, new RecordingSink());
        udp.start();
        UdpClient c = udp.clientFor(new InetSocketAddress(LOOPBACK, 9));
        assertTrue(c.isOpen());
        udp.close();
        assertFalse(c.isOpen());
        c.send(new OSCMessage("/nobody")); // logged, not thrown
        udp.close(); // idempotent
    }

    @Test
    void udpDropsDatagramsFromOutsideTheAllowListUnanswered() throws Exception {
        RecordingSink sink = replyingSink();
        try (UdpTransport udp = new UdpTransport(ANY_PORT, sink, AllowList.parse("127.0.0.2"));
                DatagramSocket refused = new DatagramSocket(0, LOOPBACK);
                DatagramSocket allowed = new DatagramSocket(0, OTHER_LOOPBACK)) {
            udp.start();
            send(refused, new OSCMessage("/refused"), udp.port());
            byte[] junk = {1, 2, 3};
            refused.send(new DatagramPacket(junk, junk.length, LOOPBACK, udp.port())); // not even decoded
            send(allowed, new OSCMessage("/allowed"), udp.port());
            assertEquals(List.of("/allowed", ByteBuffer.wrap(new byte[] {1, 2, 3}), 9), receive(allowed).getArguments());
            waitFor(() -> udp.refusedCount() == 2, "two datagrams refused, got " + udp.refusedCount());
            assertEquals("/allowed", ((OSCMessage) sink.next().packet()).getAddress());
            assertNull(sink.packets.poll());
            assertNull(sink.bad.poll(), "a refused datagram is not decoded");
            refused.setSoTimeout(300);
            try {
                refused.receive(new DatagramPacket(new byte[64], 64));
                fail("a refused sender got an answer");
            } catch (SocketTimeoutException expected) {
                // nothing comes back
            }
        }
    }

    // ------------------------------------------------------------------ TCP

    @Test
    void tcpSeveralPacketsInOneWriteAndOneSplitAcrossWrites() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, sink)) {
            tcp.start();
            try (Socket s = connect(tcp.port())) {
                OutputStream out = s.getOutputStream();
                ByteArrayOutputStream three = new ByteArrayOutputStream();
                three.write(frame(new OSCMessage("/a", List.of(1))));
                three.write(frame(new OSCBundle(List.of(new OSCMessage("/b", List.of("two"))))));
                three.write(frame(new OSCMessage("/c", la.methc.osc.OscCodecTest.everyType())));
                out.write(three.toByteArray());
                out.flush();
                RecordingSink.Received a = sink.next();
                assertEquals(List.of(1), ((OSCMessage) a.packet()).getArguments());
                assertEquals("/b", ((OSCMessage) ((OSCBundle) sink.next().packet()).getPackets().get(0)).getAddress());
                RecordingSink.Received c = sink.next();
                assertEquals(la.methc.osc.OscCodecTest.everyType(), ((OSCMessage) c.packet()).getArguments());
                // one connection is one client
                assertSame(a.from(), c.from());
                assertInstanceOf(TcpClient.class, a.from());
                assertEquals("tcp:" + LOOPBACK.getHostAddress() + ":" + s.getLocalPort(), a.from().describe());

                // one packet split across writes, the size prefix included
                byte[] split = frame(new OSCMessage("/split", List.of(ByteBuffer.wrap(new byte[1000]), 42)));
                int[] cuts = {0, 2, 5, 40, 600, split.length};
                for (int k = 0; k + 1 < cuts.length; k++) {
                    out.write(split, cuts[k], cuts[k + 1] - cuts[k]);
                    out.flush();
                    Thread.sleep(20);
                    if (k + 2 < cuts.length) {
                        assertNull(sink.packets.poll(), "a packet before all its bytes arrived");
                    }
                }
                OSCMessage m = (OSCMessage) sink.next().packet();
                assertEquals("/split", m.getAddress());
                assertEquals(42, m.getArguments().get(1));
                assertEquals(1, tcp.connectionCount());
            }
        }
    }

    @Test
    void tcpRepliesReachTheSenderFramed() throws Exception {
        RecordingSink sink = replyingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, sink)) {
            tcp.start();
            try (Socket s = connect(tcp.port())) {
                s.getOutputStream().write(frame(new OSCMessage("/version")));
                OSCMessage reply = readFrame(s);
                assertEquals(List.of("/version", ByteBuffer.wrap(new byte[] {1, 2, 3}), 9), reply.getArguments());
            }
        }
    }

    @Test
    void tcpMalformedPacketIsBadButTheConnectionStays() throws Exception {
        RecordingSink sink = replyingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, sink)) {
            tcp.start();
            try (Socket s = connect(tcp.port())) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(8);
                out.write("garbage!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                RecordingSink.Bad bad = sink.nextBad();
                assertTrue(bad.reason().contains("does not start with '/'"), bad.reason());
                assertEquals("/error", readFrame(s).getAddress());
                out.write(frame(new OSCMessage("/still")));
                assertEquals("/still", ((OSCMessage) sink.next().packet()).getAddress());
                assertTrue(bad.from().isOpen());
            }
        }
    }

    private void badSizeClosesTheConnection(int size, String reasonPart) throws Exception {
        RecordingSink sink = replyingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, sink)) {
            tcp.start();
            try (Socket s = connect(tcp.port())) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(size);
                out.write(new byte[16]);
                out.flush();
                RecordingSink.Bad bad = sink.nextBad();
                assertTrue(bad.reason().contains(reasonPart), bad.reason());
                // the reason is sent before the connection is closed
                OSCMessage error = readFrame(s);
                assertEquals(bad.reason(), error.getArguments().get(2));
                assertClosedByServer(s);
                waitFor(() -> !bad.from().isOpen(), "client closed");
                waitFor(() -> tcp.connectionCount() == 0, "connection removed");
                assertNull(sink.packets.poll());
            }
        }
    }

    @Test
    void tcpOversizedSizePrefixClosesTheConnection() throws Exception {
        badSizeClosesTheConnection(TcpTransport.MAX_PACKET_SIZE + 1, "exceeds the limit of " + TcpTransport.MAX_PACKET_SIZE);
    }

    @Test
    void tcpNegativeOrZeroSizePrefixClosesTheConnection() throws Exception {
        badSizeClosesTheConnection(-4, "size -4 is not positive");
        badSizeClosesTheConnection(0, "size 0 is not positive");
    }

    @Test
    void tcpEofClosesCleanly() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, sink)) {
            tcp.start();
            Client from;
            try (Socket s = connect(tcp.port())) {
                s.getOutputStream().write(frame(new OSCMessage("/bye")));
                from = sink.next().from();
                assertTrue(from.isOpen());
            }
            waitFor(() -> !from.isOpen(), "client closed after EOF");
            waitFor(() -> tcp.connectionCount() == 0, "connection removed");
            assertNull(sink.bad.poll());
            from.send(new OSCMessage("/late")); // logged, not thrown
            // half a packet, then EOF: closed, not a bad packet
            try (Socket s = connect(tcp.port())) {
                byte[] f = frame(new OSCMessage("/half"));
                s.getOutputStream().write(f, 0, f.length - 4);
            }
            waitFor(() -> tcp.connectionCount() == 0, "connection removed");
            assertNull(sink.bad.poll());
            assertNull(sink.packets.poll());
        }
    }

    @Test
    void tcpRefusesConnectionsOverTheCap() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, sink, AllowList.ANY, 2)) {
            tcp.start();
            try (Socket a = connect(tcp.port()); Socket b = connect(tcp.port())) {
                waitFor(() -> tcp.connectionCount() == 2, "two connections");
                try (Socket c = connect(tcp.port())) {
                    assertClosedByServer(c);
                }
                assertEquals(2, tcp.connectionCount());
                b.getOutputStream().write(frame(new OSCMessage("/b")));
                assertEquals("/b", ((OSCMessage) sink.next().packet()).getAddress());
            }
            waitFor(() -> tcp.connectionCount() == 0, "connections closed");
            try (Socket d = connect(tcp.port())) {
                d.getOutputStream().write(frame(new OSCMessage("/d")));
                assertEquals("/d", ((OSCMessage) sink.next().packet()).getAddress());
            }
        }
    }

    @Test
    void tcpClosesConnectionsFromOutsideTheAllowListAtAccept() throws Exception {
        RecordingSink sink = replyingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, sink, AllowList.parse("127.0.0.2"), 4)) {
            tcp.start();
            try (Socket refused = connect(tcp.port())) {
                refused.getOutputStream().write(frame(new OSCMessage("/refused")));
                assertClosedByServer(refused);
            }
            assertEquals(1, tcp.refusedCount());
            try (Socket allowed = new Socket(LOOPBACK, tcp.port(), OTHER_LOOPBACK, 0)) {
                allowed.getOutputStream().write(frame(new OSCMessage("/allowed")));
                assertEquals("/allowed", readFrame(allowed).getArguments().get(0));
                assertEquals(1, tcp.connectionCount());
            }
            assertEquals("/allowed", ((OSCMessage) sink.next().packet()).getAddress());
            assertNull(sink.packets.poll(), "nothing read from a refused connection");
            assertEquals(1, tcp.refusedCount());
        }
    }

    @Test
    void tcpClientSideConnectionTalksToTheServer() throws Exception {
        RecordingSink server = replyingSink();
        RecordingSink client = new RecordingSink();
        try (TcpTransport tcp = new TcpTransport(ANY_PORT, server)) {
            tcp.start();
            TcpClient c = TcpTransport.connect(new InetSocketAddress(LOOPBACK, tcp.port()), client, 5000);
            try {
                c.write(new OSCMessage("/hello", List.of(new byte[] {5, 6}, 1)));
                assertEquals(List.of(ByteBuffer.wrap(new byte[] {5, 6}), 1), ((OSCMessage) server.next().packet()).getArguments());
                assertEquals("/reply", ((OSCMessage) client.next().packet()).getAddress());
            } finally {
                c.close();
            }
            assertFalse(c.isOpen());
            try {
                c.write(new OSCMessage("/closed"));
                fail("write on a closed connection");
            } catch (IOException expected) {
                // closed
            }
        }
    }

    // ------------------------------------------------------------------ server

    @Test
    void portZeroGivesOnePortForBoth() throws Exception {
        RecordingSink sink = replyingSink();
        try (OscServer server = OscServer.start("127.0.0.1", 0, sink)) {
            int port = server.port();
            assertTrue(port > 0);
            assertEquals(port, server.udp().port());
            assertEquals(port, server.tcp().port());
            assertEquals(port, server.udpAddress().getPort());
            assertEquals(port, server.tcpAddress().getPort());
            try (DatagramSocket u = new DatagramSocket(0, LOOPBACK); Socket t = connect(port)) {
                send(u, new OSCMessage("/udp"), port);
                assertEquals("/udp", receive(u).getArguments().get(0));
                t.getOutputStream().write(frame(new OSCMessage("/tcp")));
                assertEquals("/tcp", readFrame(t).getArguments().get(0));
            }
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (OscServer first = OscServer.start("127.0.0.1", 0, new RecordingSink())) {
            try (OscServer second = OscServer.start("127.0.0.1", first.port(), new RecordingSink())) {
                fail("bound twice: " + second.port());
            } catch (java.net.BindException e) {
                assertTrue(e.getMessage().contains("127.0.0.1:" + first.port()), e.getMessage());
            }
        }
    }

    @Test
    void closeJoinsEveryThread() throws Exception {
        RecordingSink sink = replyingSink();
        OscServer server = OscServer.start(LOOPBACK, 0, sink);
        Set<String> names;
        try (Socket a = connect(server.port()); Socket b = connect(server.port())) {
            a.getOutputStream().write(frame(new OSCMessage("/a")));
            b.getOutputStream().write(frame(new OSCMessage("/b")));
            sink.next();
            sink.next();
            names = new HashSet<>(OscThreads.alive());
            assertTrue(names.contains("methcla-osc-udp"), names.toString());
            assertTrue(names.contains("methcla-osc-tcp"), names.toString());
            assertTrue(names.contains("methcla-osc-tcp-" + LOOPBACK.getHostAddress() + ":" + a.getLocalPort()), names.toString());
            assertTrue(names.contains("methcla-osc-tcp-out-" + LOOPBACK.getHostAddress() + ":" + a.getLocalPort()),
                    names.toString());
            assertEquals(6, names.size(), names.toString());
            server.close();
            assertEquals(List.of(), OscThreads.alive());
            assertClosedByServer(a);
            try {
                readFrame(b);
                readFrame(b);
                fail("connection still open");
            } catch (EOFException | java.net.SocketException expected) {
                // closed
            }
        }
        server.close(); // idempotent
    }
}
