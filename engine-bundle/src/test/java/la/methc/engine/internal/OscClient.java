package la.methc.engine.internal;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import la.methc.osc.OscCodec;

/**
 * A client of a live engine over a real socket: sends from the caller's thread; what arrives is counted by
 * address, the messages whose address is in {@code kept} wait for {@link #await}, and every message goes to an
 * optional {@linkplain #tap(Consumer) tap}. {@link UdpOscClient} is the client library's connection;
 * {@link TcpOscClient} a raw socket, so that the fuzz can send broken frames.
 */
abstract class OscClient implements AutoCloseable {
    final String name;
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    final LinkedBlockingQueue<OSCMessage> inbox = new LinkedBlockingQueue<>();
    private final Set<String> kept;
    volatile boolean open = true;
    /** The server ended the connection (TCP) or the socket failed while this client was open. */
    volatile boolean peerClosed;
    private volatile Consumer<OSCMessage> tap = m -> { };

    OscClient(String name, Set<String> kept) {
        this.name = name;
        this.kept = kept;
    }

    /** Sends one packet as it is (a datagram, or a size-prefixed TCP frame). */
    abstract void sendBytes(byte[] packet) throws IOException;

    void send(OSCPacket p) throws IOException {
        sendBytes(OscCodec.toBytes(p));
    }

    void send(String address, Object... args) throws IOException {
        send(new OSCMessage(address, new ArrayList<>(List.of(args))));
    }

    /** Every message received from now on also goes to {@code t}, on the receiving thread. */
    OscClient tap(Consumer<OSCMessage> t) {
        tap = t;
        return this;
    }

    /** The receiving thread: one message arrived. */
    final void received(OSCMessage m) {
        counts.computeIfAbsent(m.getAddress(), a -> new AtomicInteger()).incrementAndGet();
        tap.accept(m);
        if (kept.contains(m.getAddress())) {
            inbox.add(m);
        }
    }

    /** The receiving thread: the connection failed or was closed by the peer, for {@code why}. */
    final void failed(String why) {
        if (open) {
            peerClosed = true;
            counts.computeIfAbsent("!" + why, a -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** The next kept message matching {@code p} within {@code ms}, skipping (dropping) others; null if none. */
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

    /** {@code /sync i:id} until {@code /synced i:id} (UDP: sent again after a silent second, 5 tries). */
    boolean sync(int id) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            send("/sync", id);
            if (await(m -> m.getAddress().equals("/synced") && m.getArguments().get(0).equals(id), 1000) != null) {
                return true;
            }
        }
        return false;
    }

    int count(String address) {
        AtomicInteger n = counts.get(address);
        return n == null ? 0 : n.get();
    }

    /** Closes the socket and waits for the receiving thread to end. */
    abstract void closeTransport() throws InterruptedException;

    @Override
    public void close() throws InterruptedException {
        open = false;
        closeTransport();
    }
}
