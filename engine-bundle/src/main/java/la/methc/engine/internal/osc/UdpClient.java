package la.methc.engine.internal.osc;

import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import la.methc.osc.OscCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP peer of a {@link UdpTransport}: replies go to its address from the transport's socket. Equal for the
 * same remote address (on the same transport), so the packets of one peer are one client.
 */
public final class UdpClient implements Client {

    private static final Logger LOG = LoggerFactory.getLogger(UdpClient.class);

    private final DatagramSocket socket;
    private final InetSocketAddress remote;

    UdpClient(DatagramSocket socket, InetSocketAddress remote) {
        this.socket = socket;
        this.remote = remote;
    }

    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /** Sends one packet; failures are counted and logged ({@link ReplyLosses}), never thrown. */
    @Override
    public void send(OSCPacket packet) {
        try {
            write(packet);
        } catch (IOException | RuntimeException e) {
            ReplyLosses.udp(describe(), e, socket.isClosed());
        }
    }

    /**
     * Sends one packet.
     *
     * @throws IOException if the datagram cannot be sent
     * @throws IllegalArgumentException if the packet cannot be serialized or does not fit a datagram
     */
    public void write(OSCPacket packet) throws IOException {
        ByteBuffer bytes = OscCodec.encode(packet);
        if (bytes.remaining() > UdpTransport.MAX_UDP_PAYLOAD) {
            throw new IllegalArgumentException("packet of " + bytes.remaining() + " bytes does not fit a datagram (max "
                    + UdpTransport.MAX_UDP_PAYLOAD + "); use TCP");
        }
        socket.send(new DatagramPacket(bytes.array(), bytes.arrayOffset(), bytes.remaining(), remote));
        if (LOG.isDebugEnabled()) {
            LOG.debug("sent {} bytes to {}", bytes.remaining(), describe());
        }
    }

    @Override
    public int maxPacketSize() {
        return UdpTransport.MAX_UDP_PAYLOAD;
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public String describe() {
        return "udp:" + Peers.describe(remote);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpClient c && c.remote.equals(remote) && c.socket == socket;
    }

    @Override
    public int hashCode() {
        return remote.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
