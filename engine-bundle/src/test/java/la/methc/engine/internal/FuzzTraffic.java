package la.methc.engine.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import la.methc.osc.OscFuzzer;
import la.methc.engine.internal.osc.TcpTransport;

/**
 * Sends fuzzed packets to a live engine over one UDP socket and a few TCP connections, and counts what comes
 * back. A TCP connection whose stream a packet corrupted (a wrong size prefix) is closed and replaced; whether
 * the server closed it first is counted. UDP is paced: {@link #pace} sends a {@code /sync} and waits for its
 * {@code /synced}, so that the engine's receive buffer is not simply overrun.
 */
final class FuzzTraffic implements AutoCloseable {

    /** How long the server may take to close a connection after a size prefix it must refuse. */
    private static final long CLOSE_WAIT_MS = 2000;
    /** Ids of the pacing /sync, far from the corpus's (below 1000). */
    private static final int SYNC_BASE = 1_000_000_000;

    private final int port;
    private final UdpOscClient udp;
    private final TcpOscClient[] tcp;

    final Map<OscFuzzer.Kind, Integer> sentByKind = new EnumMap<>(OscFuzzer.Kind.class);
    long udpPackets;
    long udpBytes;
    long tcpPackets;
    long badFramings;
    long reconnects;
    /** Connections the server closed after a size prefix it refused. */
    long serverClosed;
    /** Refused size prefixes after which the server had not closed within {@link #CLOSE_WAIT_MS}. */
    long notClosed;
    /** Connections the server closed although every size prefix on them was right. */
    long unexpectedCloses;
    long tcpWriteFailures;
    int syncs;
    int syncsAnswered;

    final AtomicLong replies = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong internalErrors = new AtomicLong();
    /** A few of the replies that say "internal error", for the failure message. */
    final Set<String> internalSamples = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> byAddress = new ConcurrentHashMap<>();

    FuzzTraffic(int port, int tcpConnections) throws IOException {
        this.port = port;
        udp = (UdpOscClient) tally(new UdpOscClient("fuzz-udp", port, Set.of("/synced")));
        tcp = new TcpOscClient[tcpConnections];
        for (int i = 0; i < tcpConnections; i++) {
            tcp[i] = connect(i);
        }
    }

    private TcpOscClient connect(int i) throws IOException {
        return (TcpOscClient) tally(new TcpOscClient("fuzz-tcp-" + i, port, Set.of("/synced")));
    }

    private OscClient tally(OscClient c) {
        return c.tap(m -> {
            replies.incrementAndGet();
            byAddress.computeIfAbsent(m.getAddress(), a -> new AtomicLong()).incrementAndGet();
            if (m.getAddress().equals("/error")) {
                errors.incrementAndGet();
                String reason = m.getArguments().size() > 2 ? String.valueOf(m.getArguments().get(2)) : "";
                if (reason.startsWith("malformed OSC packet")) {
                    malformed.incrementAndGet();
                }
                if (reason.contains("internal error") && internalErrors.incrementAndGet() <= 5) {
                    internalSamples.add(m.getArguments().toString());
                }
            }
        });
    }

    /** Sends {@code p} over UDP, or over TCP connection {@code connection} (then with its framing). */
    void send(OscFuzzer.Packet p, int connection) throws IOException, InterruptedException {
        sentByKind.merge(p.kind(), 1, Integer::sum);
        if (connection < 0) {
            udp.sendBytes(p.bytes());
            udpPackets++;
            udpBytes += p.bytes().length;
            return;
        }
        tcpPackets++;
        TcpOscClient c = tcp[connection];
        boolean exact = p.framing() == OscFuzzer.Framing.EXACT && p.bytes().length > 0;
        if (c.peerClosed) {
            unexpectedCloses++;
            c = replace(connection);
        }
        try {
            c.sendFramed(p.tcpSize(), p.bytes());
        } catch (IOException e) {
            // the server closed it under us although every size before was right
            tcpWriteFailures++;
            replace(connection);
            return;
        }
        if (exact) {
            return;
        }
        badFramings++;
        if (p.tcpSize() <= 0 || p.tcpSize() > TcpTransport.MAX_PACKET_SIZE) {
            // a size the server must refuse: it answers /error and closes the connection
            if (awaitPeerClose(c)) {
                serverClosed++;
            } else {
                notClosed++;
            }
        }
        // longer or shorter than the packet: the stream is out of step; the server is left to notice our close
        replace(connection);
    }

    private static boolean awaitPeerClose(OscClient c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        while (!c.peerClosed && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return c.peerClosed;
    }

    private TcpOscClient replace(int connection) throws IOException, InterruptedException {
        TcpOscClient old = tcp[connection];
        old.close();
        reconnects++;
        return tcp[connection] = connect(connection);
    }

    /** UDP: {@code /sync}, and its {@code /synced} awaited (5 tries of a second); false if never answered. */
    boolean pace() throws IOException, InterruptedException {
        syncs++;
        boolean ok = udp.sync(SYNC_BASE + syncs);
        if (ok) {
            syncsAnswered++;
        }
        return ok;
    }

    /** TCP: a {@code /sync} answered on every connection. */
    boolean paceTcp() throws IOException, InterruptedException {
        boolean all = true;
        for (int i = 0; i < tcp.length; i++) {
            syncs++;
            if (tcp[i].peerClosed) {
                unexpectedCloses++;
                replace(i);
            }
            if (tcp[i].sync(SYNC_BASE + syncs)) {
                syncsAnswered++;
            } else {
                all = false;
            }
        }
        return all;
    }

    long packets() {
        return udpPackets + tcpPackets;
    }

    String report() {
        Map<String, Long> addresses = new TreeMap<>();
        byAddress.forEach((a, n) -> addresses.put(a, n.get()));
        return String.format("sent %d packets (udp %d, %d bytes; tcp %d, %d with a wrong size prefix), by kind %s;%n"
                + "  tcp: %d reconnects, %d closed by the server after a refused size (%d not within %d ms), %d writes "
                + "failed, %d unexpected closes;%n  pacing: %d/%d syncs answered;%n  received %d replies: %d /error "
                + "(%d malformed packets, %d internal errors), by address %s", packets(), udpPackets, udpBytes,
                tcpPackets, badFramings, sentByKind, reconnects, serverClosed, notClosed, CLOSE_WAIT_MS,
                tcpWriteFailures, unexpectedCloses, syncsAnswered, syncs, replies.get(), errors.get(),
                malformed.get(), internalErrors.get(), addresses);
    }

    @Override
    public void close() throws InterruptedException {
        udp.close();
        for (TcpOscClient c : tcp) {
            c.close();
        }
    }
}
