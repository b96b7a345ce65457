package la.methc.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;

/** A server that hands over the raw bytes a client sends and answers with raw bytes: UDP, or TCP (framed by hand). */
final class FakeServer implements AutoCloseable {

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private SocketAddress peer;
    private Socket connection;

    private FakeServer(boolean overTcp) throws IOException {
        if (overTcp) {
            tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            tcp.setSoTimeout(10_000);
            udp = null;
        } else {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            udp.setSoTimeout(10_000);
            tcp = null;
        }
    }

    static FakeServer udp() throws IOException {
        return new FakeServer(false);
    }

    static FakeServer tcp() throws IOException {
        return new FakeServer(true);
    }

    int port() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    /** The next packet's bytes (for TCP: after its size prefix, which must be right). */
    byte[] receive() throws IOException {
        if (udp != null) {
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            udp.receive(p);
            peer = p.getSocketAddress();
            return Arrays.copyOf(p.getData(), p.getLength());
        }
        if (connection == null) {
            connection = tcp.accept();
            connection.setSoTimeout(10_000);
        }
        DataInputStream in = new DataInputStream(connection.getInputStream());
        byte[] size = new byte[4];
        in.readFully(size);
        int n = (size[0] & 0xff) << 24 | (size[1] & 0xff) << 16 | (size[2] & 0xff) << 8 | size[3] & 0xff;
        byte[] packet = new byte[n];
        in.readFully(packet);
        return packet;
    }

    /** Sends {@code bytes} to the client that sent the last packet. */
    void reply(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, peer));
            return;
        }
        OutputStream out = connection.getOutputStream();
        out.write(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
            (byte) bytes.length});
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        } else {
            if (connection != null) {
                connection.close();
            }
            tcp.close();
        }
    }
}
