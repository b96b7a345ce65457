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
import la.methc.client.OscConnection;

/**
 * One OSC client of the server, over UDP or TCP, on the client library's {@link OscConnection}: what it receives
 * waits in an inbox for {@link #await}, bundles unpacked.
 */
final class OscLink implements AutoCloseable {

    final String name;
    private final OscConnection connection;
    private final LinkedBlockingQueue<OSCMessage> inbox = new LinkedBlockingQueue<>();

    private OscLink(String name, OscConnection connection) {
        this.name = name;
        this.connection = connection;
        connection.addListener(inbox::add);
        // the server sent something that is not OSC: kept as an error
        connection.addBadPacketListener(reason -> inbox.add(new OSCMessage("/error",
                List.of("(bad packet from the server)", -1, reason))));
    }

    static OscLink udp(String name, InetSocketAddress server) throws IOException {
        return new OscLink(name, OscConnection.udp(server.getHostString(), server.getPort()));
    }

    static OscLink tcp(String name, InetSocketAddress server) throws IOException {
        return new OscLink(name, OscConnection.tcp(server.getHostString(), server.getPort()));
    }

    void send(String address, Object... args) throws IOException {
        send(new OSCMessage(address, new ArrayList<>(List.of(args))));
    }

    void send(OSCPacket p) throws IOException {
        connection.send(p);
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

    /** False once a TCP link was closed (by the server, or by {@link #close()}). */
    boolean isOpen() {
        return !connection.isClosed();
    }

    @Override
    public void close() {
        connection.close();
    }
}
