package la.methc.engine.internal;

import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Set;
import la.methc.osc.OscCodec;

/** An {@link OscClient} over UDP from its own loopback socket. */
final class UdpOscClient extends OscClient {
    private final DatagramSocket socket;
    private final byte[] buffer = new byte[65536];

    UdpOscClient(String name, int port, Set<String> kept) throws IOException {
        super(name, kept);
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(1 << 20);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(200);
        reader.start();
    }

    @Override
    void sendBytes(byte[] b) throws IOException {
        socket.send(new DatagramPacket(b, b.length));
    }

    @Override
    OSCPacket receive() throws IOException {
        DatagramPacket d = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(d);
        } catch (SocketTimeoutException e) {
            return null;
        }
        try {
            return OscCodec.decode(buffer, 0, d.getLength());
        } catch (OscCodec.BadPacketException e) {
            throw new IOException(e);
        }
    }

    @Override
    void closeTransport() {
        socket.close();
    }
}
