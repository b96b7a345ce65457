package la.methc.engine.internal.osc;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import la.methc.osc.OscCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSC over TCP, scsynth-style: every packet is preceded by its size as an int32, big-endian. One accept thread
 * ({@value #THREAD_NAME}) and one reader thread per connection ({@code methcla-osc-tcp-<peer>}); each
 * connection is a {@link TcpClient}. A size that is not positive or exceeds {@link #MAX_PACKET_SIZE} is
 * reported to the sink as a bad packet and closes the connection. At most {@link #MAX_CONNECTIONS} connections
 * (by default) are open at once; more are refused. A connection from an address outside the {@link AllowList} is
 * closed as it is accepted, before anything is read from it, and counted ({@link #refusedCount()}).
 */
public final class TcpTransport implements AutoCloseable {

    public static final String THREAD_NAME = "methcla-osc-tcp";
    public static final int MAX_PACKET_SIZE = OscCodec.MAX_PACKET_SIZE;
    public static final int MAX_CONNECTIONS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    private static final long JOIN_MILLIS = 5000;

    private final ServerSocket server;
    private final PacketSink sink;
    private final int maxConnections;
    private final AllowList allow;
    private final Refusals refusals = new Refusals("TCP connections");
    private final InetSocketAddress local;
    private final Set<TcpClient> connections = new LinkedHashSet<>();
    private Thread acceptor;
    private boolean closed; // guarded by connections

    /** Binds {@code bindAddress} (port 0: ephemeral), allowing {@link #MAX_CONNECTIONS} connections from anyone. */
    public TcpTransport(InetSocketAddress bindAddress, PacketSink sink) throws IOException {
        this(bindAddress, sink, AllowList.ANY, MAX_CONNECTIONS);
    }

    /** Binds {@code bindAddress}, allowing {@code maxConnections} connections from the clients {@code allow} lets in. */
    public TcpTransport(InetSocketAddress bindAddress, PacketSink sink, AllowList allow, int maxConnections)
            throws IOException {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections " + maxConnections);
        }
        this.sink = sink;
        this.allow = allow;
        this.maxConnections = maxConnections;
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(bindAddress, 50);
        } catch (BindException e) {
            s.close();
            BindException b = new BindException("cannot bind OSC TCP to " + Peers.describe(bindAddress)
                    + ": " + e.getMessage());
            b.initCause(e);
            throw b;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        this.server = s;
        this.local = (InetSocketAddress) s.getLocalSocketAddress();
        LOG.info("OSC TCP bound to {}", Peers.describe(local));
    }

    /**
     * Connects to an OSC-over-TCP server (client side, e.g. for a tool): the packets it sends back go to
     * {@code sink} from the connection's thread. Close the returned client to disconnect.
     */
    public static TcpClient connect(InetSocketAddress remote, PacketSink sink, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(remote, timeoutMillis);
            TcpClient c = new TcpClient(s, sink, x -> { });
            c.start();
            return c;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Starts accepting connections. */
    public void start() {
        synchronized (connections) {
            if (acceptor != null || closed) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            acceptor = new Thread(this::accept, THREAD_NAME);
            acceptor.setDaemon(true);
            acceptor.start();
        }
    }

    public int port() {
        return local.getPort();
    }

    public InetSocketAddress localAddress() {
        return local;
    }

    /** Connections closed at accept so far because their address is not in the allow-list. */
    public long refusedCount() {
        return refusals.count();
    }

    /** The connections open now. */
    public int connectionCount() {
        synchronized (connections) {
            return connections.size();
        }
    }

    /** The accept thread. */
    private void accept() {
        while (true) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                synchronized (connections) {
                    if (closed || server.isClosed()) {
                        break;
                    }
                }
                LOG.warn("OSC TCP accept failed: {}", e.toString());
                pause(); // e.g. out of file descriptors: do not spin
                continue;
            }
            if (!allow.allows(s.getInetAddress())) {
                refusals.refused(s.getInetAddress());
                Peers.closeQuietly(s);
                continue;
            }
            synchronized (connections) {
                if (closed) {
                    Peers.closeQuietly(s);
                    break;
                }
                if (connections.size() >= maxConnections) {
                    LOG.warn("refused OSC TCP connection from {}: {} connections open, the limit",
                            Peers.describe(s.getRemoteSocketAddress()), connections.size());
                    Peers.closeQuietly(s);
                    continue;
                }
                TcpClient c;
                try {
                    c = new TcpClient(s, sink, this::closed);
                } catch (IOException e) {
                    LOG.warn("OSC TCP connection from {} failed: {}", Peers.describe(s.getRemoteSocketAddress()), e.toString());
                    Peers.closeQuietly(s);
                    continue;
                }
                connections.add(c);
                LOG.debug("OSC TCP connection from {}", c.describe());
                c.start();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closed(TcpClient c) {
        synchronized (connections) {
            connections.remove(c);
        }
    }

    /** Stops accepting, closes every connection, and joins every thread this transport started. Idempotent. */
    @Override
    public void close() {
        List<TcpClient> open;
        Thread t;
        synchronized (connections) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(connections);
            t = acceptor;
        }
        Peers.closeQuietly(server);
        if (!Peers.join(t, JOIN_MILLIS)) {
            LOG.warn("{} did not stop within {} ms", THREAD_NAME, JOIN_MILLIS);
        }
        refusals.close();
        for (TcpClient c : open) {
            c.close();
        }
        LOG.info("OSC TCP on {} closed", Peers.describe(local));
    }
}
