package la.methc.engine.internal.osc;

import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import la.methc.osc.OscCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSC over UDP: one {@link DatagramSocket}, one receive thread ({@value #THREAD_NAME}) that parses each datagram
 * and hands it to the {@link PacketSink} with the sender as a {@link UdpClient}; replies go out from the same
 * socket. Datagrams from senders outside the {@link AllowList} are dropped before decoding, unanswered, and
 * counted ({@link #refusedCount()}); {@code docs/security.md} says why. Why a socket and not a channel, and the
 * receive buffer of {@value #RECEIVE_BUFFER} bytes: {@code docs/robustness.md}, "The UDP socket".
 */
public final class UdpTransport implements AutoCloseable {

    public static final String THREAD_NAME = "methcla-osc-udp";
    /** Receive buffer size. */
    public static final int MAX_DATAGRAM = 64 * 1024;
    /** The largest UDP payload over IPv4. */
    public static final int MAX_UDP_PAYLOAD = 65507;
    /**
     * The socket receive buffer asked for. Linux caps it at {@code net.core.rmem_max} and doubles it for its
     * bookkeeping; granted in full, it holds some 10,000 small datagrams, 50 ms of 200,000 a second.
     */
    public static final int RECEIVE_BUFFER = 4 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    private static final long JOIN_MILLIS = 5000;

    private final DatagramSocket socket;
    private final PacketSink sink;
    private final UdpSenders senders;
    private final Refusals refusals = new Refusals("UDP datagrams");
    private final InetSocketAddress local;
    private Thread thread;
    private volatile boolean closed;

    /**
     * Binds {@code bindAddress} (port 0: an ephemeral port, see {@link #port()}); {@link #start()} starts
     * receiving.
     */
    public UdpTransport(InetSocketAddress bindAddress, PacketSink sink) throws IOException {
        this(bindAddress, sink, AllowList.ANY);
    }

    /** As {@link #UdpTransport(InetSocketAddress, PacketSink)}, serving only the senders {@code allow} lets in. */
    public UdpTransport(InetSocketAddress bindAddress, PacketSink sink, AllowList allow) throws IOException {
        this.sink = sink;
        DatagramSocket s = new DatagramSocket(null);
        try {
            s.setReceiveBufferSize(Math.max(s.getReceiveBufferSize(), RECEIVE_BUFFER));
            s.bind(bindAddress);
        } catch (BindException e) {
            s.close();
            BindException b = new BindException("cannot bind OSC UDP to " + Peers.describe(bindAddress)
                    + ": " + e.getMessage());
            b.initCause(e);
            throw b;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        this.socket = s;
        this.senders = new UdpSenders(s, allow);
        this.local = (InetSocketAddress) s.getLocalSocketAddress();
        LOG.info("OSC UDP bound to {} (receive buffer {} bytes)", Peers.describe(local), receiveBufferSize());
    }

    /** Starts the receive thread. */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        thread = new Thread(this::receive, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return local.getPort();
    }

    public InetSocketAddress localAddress() {
        return local;
    }

    /** Datagrams dropped so far because their sender is not in the allow-list. */
    public long refusedCount() {
        return refusals.count();
    }

    /** A client for sending to {@code remote} from this transport's socket (e.g. a tool talking to a server). */
    public UdpClient clientFor(InetSocketAddress remote) {
        return new UdpClient(socket, remote);
    }

    /** The socket's receive buffer as the system granted it; -1 if it cannot say. */
    int receiveBufferSize() {
        try {
            return socket.getReceiveBufferSize();
        } catch (SocketException e) {
            return -1;
        }
    }

    /** The receive thread. */
    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        ByteBuffer bytes = ByteBuffer.wrap(buffer);
        while (!closed) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
            } catch (SocketException e) {
                if (closed || socket.isClosed()) {
                    break;
                }
                LOG.warn("OSC UDP receive failed: {}", e.toString());
                continue;
            } catch (IOException e) {
                LOG.warn("OSC UDP receive failed: {}", e.toString());
                continue;
            }
            UdpClient from = senders.clientOf(datagram.getAddress(), datagram.getPort());
            if (from == null) {
                refusals.refused(datagram.getAddress());
                continue;
            }
            OSCPacket packet;
            try {
                packet = OscCodec.decode(bytes.limit(datagram.getLength()));
            } catch (OscCodec.BadPacketException e) {
                LOG.debug("bad UDP packet of {} bytes from {}: {}", datagram.getLength(), from.describe(), e.getMessage());
                try {
                    sink.onBadPacket(from, e.getMessage());
                } catch (RuntimeException ex) {
                    LOG.error("packet sink failed on a bad packet from {}", from.describe(), ex);
                }
                continue;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("UDP packet of {} bytes from {}", datagram.getLength(), from.describe());
            }
            try {
                sink.onPacket(packet, from);
            } catch (RuntimeException e) {
                LOG.error("packet sink failed on a packet from {}", from.describe(), e);
            }
        }
    }

    /** Closes the socket and joins the receive thread. Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
        }
        socket.close();
        if (!Peers.join(t, JOIN_MILLIS)) {
            LOG.warn("{} did not stop within {} ms", THREAD_NAME, JOIN_MILLIS);
        }
        refusals.close();
        LOG.info("OSC UDP on {} closed", Peers.describe(local));
    }
}
