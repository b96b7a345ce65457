package la.methc.client;

import java.io.IOException;
import java.net.UnknownHostException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * OSC over UDP: one datagram a packet, from an ephemeral port. The socket is not connected, so a server that is
 * not up yet (an ICMP "port unreachable") fails no later send; what arrives on the port is taken as a reply.
 */
final class UdpConnection extends OscConnection {

    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65507;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final Thread receiver;

    UdpConnection(InetSocketAddress server) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket();
        socket.setReceiveBufferSize(4 << 20);
        if (server.isUnresolved()) {
            socket.close();
            throw new UnknownHostException(server.getHostString());
        }
        receiver = new Thread(this::receive, "methcla-client-udp-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    @Override
    public void sendBytes(ByteBuffer packet) throws IOException {
        ByteBuffer p = packet.duplicate();
        byte[] bytes = new byte[p.remaining()];
        p.get(bytes);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
            } catch (IOException e) {
                if (isClosed() || socket.isClosed()) {
                    return;
                }
                continue; // keep listening
            }
            received(buffer, datagram.getLength());
        }
    }

    @Override
    public String describe() {
        return "udp:" + server.getHostString() + ":" + server.getPort();
    }

    @Override
    void closeSocket() {
        socket.close();
    }

    @Override
    Thread receiver() {
        return receiver;
    }
}
