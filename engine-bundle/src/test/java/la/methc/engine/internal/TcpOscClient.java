package la.methc.engine.internal;

import com.illposed.osc.OSCPacket;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import la.methc.osc.OscCodec;

/** An {@link OscClient} over one TCP connection, packets framed by an int32 size as the engine expects. */
final class TcpOscClient extends OscClient {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    TcpOscClient(String name, int port, Set<String> kept) throws IOException {
        super(name, kept);
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
        reader.start();
    }

    @Override
    void sendBytes(byte[] b) throws IOException {
        sendFramed(b.length, b);
    }

    /** Sends {@code b} behind the size prefix {@code size}, right or wrong. */
    void sendFramed(int size, byte[] b) throws IOException {
        out.writeInt(size);
        out.write(b);
        out.flush();
    }

    @Override
    OSCPacket receive() throws IOException {
        int n = in.readInt();
        byte[] b = new byte[n];
        in.readFully(b);
        try {
            return OscCodec.decode(b, 0, n);
        } catch (OscCodec.BadPacketException e) {
            throw new IOException(e);
        }
    }

    @Override
    void closeTransport() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
