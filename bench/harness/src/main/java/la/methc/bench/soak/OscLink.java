package la.methc.bench.soak;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.osc.PacketSink;
import la.methc.engine.internal.osc.TcpClient;
import la.methc.engine.internal.osc.TcpTransport;
import la.methc.engine.internal.osc.UdpClient;
import la.methc.engine.internal.osc.UdpTransport;

/**
 * One OSC client of the server, over UDP or TCP, through the engine's own transports and codec: what it
 * receives waits in an inbox for {@link #await}, bundles unpacked.
 */
final class OscLink implements PacketSink, AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5000;

    final String name;
    private final LinkedBlockingQueue<OSCMessage> inbox = new LinkedBlockingQueue<>();
    // set once by the factory, before the link is handed out; the network thread only touches the inbox
    private UdpTransport udp;
    private UdpClient udpClient;
    private TcpClient tcpClient;

    private OscLink(String name) {
        this.name = name;
    }

    static OscLink udp(String name, InetSocketAddress server) throws IOException {
        OscLink l = new OscLink(name);
        l.udp = new UdpTransport(new InetSocketAddress(server.getAddress(), 0), l);
        l.udpClient = l.udp.clientFor(server);
        l.udp.start();
        return l;
    }

    static OscLink tcp(String name, InetSocketAddress server) throws IOException {
        OscLink l = new OscLink(name);
        l.tcpClient = TcpTransport.connect(server, l, CONNECT_TIMEOUT_MS);
        return l;
    }

    void send(String address, Object... args) throws IOException {
        send(new OSCMessage(address, new ArrayList<>(List.of(args))));
    }

    void send(OSCPacket p) throws IOException {
        if (tcpClient != null) {
            tcpClient.write(p);
        } else {
            udpClient.write(p);
        }
    }

    void sendBundle(OSCMessage... messages) throws IOException {
        send(new OSCBundle(new ArrayList<>(List.of(messages))));
    }

    /** The next message matching {@code p} within {@code ms}, dropping the others before it; null if none. */
    OSCMessage await(Predicate<OSCMessage> p, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            OSCMessage m = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (m != null && p.test(m)) {
                return m;
            }
        }
    }

    /** Everything received and not yet taken. */
    List<OSCMessage> drain() {
        List<OSCMessage> all = new ArrayList<>();
        inbox.drainTo(all);
        return all;
    }

    boolean isOpen() {
        return tcpClient == null || tcpClient.isOpen();
    }

    /** Network thread. */
    @Override
    public void onPacket(OSCPacket packet, Client from) {
        if (packet instanceof OSCBundle b) {
            for (OSCPacket p : b.getPackets()) {
                onPacket(p, from);
            }
        } else {
            inbox.add((OSCMessage) packet);
        }
    }

    /** Network thread. The server sent something that is not OSC: kept as an error. */
    @Override
    public void onBadPacket(Client from, String reason) {
        inbox.add(new OSCMessage("/error", List.of("(bad packet from the server)", -1, reason)));
    }

    @Override
    public void close() {
        if (tcpClient != null) {
            tcpClient.close();
        }
        if (udp != null) {
            udp.close();
        }
    }
}
