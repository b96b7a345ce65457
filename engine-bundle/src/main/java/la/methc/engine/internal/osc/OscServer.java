package la.methc.engine.internal.osc;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's OSC endpoint: UDP and TCP (size-prefixed) on the same port number, both feeding one
 * {@link PacketSink}. With port 0, UDP gets an ephemeral port and TCP takes the same number.
 */
public final class OscServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OscServer.class);
    /** How often to pick another ephemeral port when TCP cannot have the one UDP got. */
    private static final int EPHEMERAL_ATTEMPTS = 8;

    private final UdpTransport udp;
    private final TcpTransport tcp;
    private final AllowList allow;

    private OscServer(UdpTransport udp, TcpTransport tcp, AllowList allow) {
        this.udp = udp;
        this.tcp = tcp;
        this.allow = allow;
    }

    /**
     * Starts the UDP receive thread and the TCP accept thread.
     *
     * @throws IllegalStateException when closed already (or started)
     */
    public void startReceiving() {
        udp.start();
        tcp.start();
        LOG.info("OSC listening on udp {} and tcp {}{}", Peers.describe(udp.localAddress()), tcp.port(),
                allow.isEmpty() ? "" : ", clients allowed: " + allow);
    }

    /**
     * Binds UDP, then TCP on the same port number, and starts both (see {@link #bind}).
     *
     * @param bindAddress e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} for every interface
     * @param port 0..65535; 0 picks an ephemeral port, see {@link #port()}
     * @throws IOException if either cannot be bound (nothing stays open then)
     */
    public static OscServer start(String bindAddress, int port, PacketSink sink) throws IOException {
        return start(InetAddress.getByName(bindAddress), port, AllowList.ANY, sink);
    }

    public static OscServer start(InetAddress bindAddress, int port, PacketSink sink) throws IOException {
        return start(bindAddress, port, AllowList.ANY, sink);
    }

    /**
     * As {@link #start(String, int, PacketSink)}, serving only the clients {@code allow} lets in. Warns when the
     * address is not a loopback one and nothing restricts who may connect.
     */
    public static OscServer start(String bindAddress, int port, AllowList allow, PacketSink sink) throws IOException {
        return start(InetAddress.getByName(bindAddress), port, allow, sink);
    }

    public static OscServer start(InetAddress bindAddress, int port, AllowList allow, PacketSink sink)
            throws IOException {
        OscServer server = bind(bindAddress, port, allow, sink);
        server.startReceiving();
        return server;
    }

    /**
     * Binds UDP, then TCP on the same port number, without receiving yet: a taken port fails here, at once, while
     * what clients send meanwhile waits in the sockets (UDP datagrams in the receive buffer, TCP connections in
     * the backlog) until {@link #startReceiving()}. The engine binds at start and receives once its plugins are
     * bound, so the first reply a client gets comes from a ready engine.
     */
    public static OscServer bind(String bindAddress, int port, AllowList allow, PacketSink sink) throws IOException {
        return bind(InetAddress.getByName(bindAddress), port, allow, sink);
    }

    public static OscServer bind(InetAddress bindAddress, int port, AllowList allow, PacketSink sink)
            throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        for (int attempt = 1; ; attempt++) {
            UdpTransport udp = new UdpTransport(new InetSocketAddress(bindAddress, port), sink, allow);
            TcpTransport tcp;
            try {
                tcp = new TcpTransport(new InetSocketAddress(bindAddress, udp.port()), sink, allow,
                        TcpTransport.MAX_CONNECTIONS);
            } catch (BindException e) {
                udp.close();
                if (port == 0 && attempt < EPHEMERAL_ATTEMPTS) {
                    LOG.debug("TCP port {} is taken, trying another ephemeral port", udp.port());
                    continue;
                }
                throw e;
            } catch (IOException | RuntimeException e) {
                udp.close();
                throw e;
            }
            OscServer server = new OscServer(udp, tcp, allow);
            if (!bindAddress.isLoopbackAddress() && allow.isEmpty()) {
                LOG.warn("OSC is bound to {}, not a loopback address, and no allow-list is set: any host that "
                        + "reaches port {} controls the engine and the files of its sample root. Set allow "
                        + "(bin/methcla --allow ADDRESSES) or bind 127.0.0.1", bindAddress.getHostAddress(), tcp.port());
            }
            return server;
        }
    }

    /** The port number both transports are bound to. */
    public int port() {
        return udp.port();
    }

    public InetSocketAddress udpAddress() {
        return udp.localAddress();
    }

    public InetSocketAddress tcpAddress() {
        return tcp.localAddress();
    }

    public UdpTransport udp() {
        return udp;
    }

    public TcpTransport tcp() {
        return tcp;
    }

    /** Closes both transports and joins every thread they started. Idempotent. */
    @Override
    public void close() {
        try {
            tcp.close();
        } finally {
            udp.close();
        }
    }
}
