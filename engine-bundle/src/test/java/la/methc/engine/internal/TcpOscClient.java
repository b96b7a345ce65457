package la.methc.engine.internal;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import la.methc.osc.OscCodec;
import la.methc.osc.TcpFraming;

/**
 * An {@link OscClient} over one raw TCP connection, not the client library's: the fuzz sends frames whose size
 * prefix is wrong on purpose ({@link #sendFramed}). Replies are read with the shared {@link TcpFraming}.
 */
final class TcpOscClient extends OscClient {
    private final Socket socket;
    private final DataOutputStream out;
    private final Thread reader;

    TcpOscClient(String name, int port, Set<String> kept) throws IOException {
        super(name, kept);
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        reader = new Thread(() -> read(in), name + "-reader");
        reader.setDaemon(true);
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

    private void read(DataInputStream in) {
        try {
            for (byte[] b = TcpFraming.read(in); b != null; b = TcpFraming.read(in)) {
                deliver(OscCodec.decode(b, 0, b.length));
            }
            failed("java.io.EOFException");
        } catch (IOException e) {
            failed(e.toString());
        } catch (OscCodec.BadPacketException e) {
            failed("bad packet: " + e.getMessage());
        }
    }

    private void deliver(OSCPacket p) {
        if (p instanceof OSCMessage m) {
            received(m);
        } else {
            for (OSCPacket q : ((OSCBundle) p).getPackets()) {
                deliver(q);
            }
        }
    }

    @Override
    void closeTransport() throws InterruptedException {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.join(5000);
    }
}
