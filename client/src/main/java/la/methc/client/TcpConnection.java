package la.methc.client;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import la.methc.osc.TcpFraming;

/** OSC over TCP: packets framed by their int32 big-endian size ({@link TcpFraming}). */
final class TcpConnection extends OscConnection {

    private final Socket socket;
    private final InetSocketAddress server;
    private final OutputStream out;
    private final Thread receiver;

    TcpConnection(InetSocketAddress server) throws IOException {
        this.server = server;
        this.socket = new Socket();
        socket.connect(server, 5000);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        receiver = new Thread(() -> receive(in), "methcla-client-tcp-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    @Override
    public void sendBytes(ByteBuffer packet) throws IOException {
        byte[] frame = TcpFraming.frame(packet);
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    /** Receive thread: until the stream ends; a close by us was marked first, so only the server's is news. */
    private void receive(DataInputStream in) {
        String why = "connection closed by the server (" + describe() + ")";
        try {
            for (byte[] packet = TcpFraming.read(in); packet != null; packet = TcpFraming.read(in)) {
                received(packet, packet.length);
            }
        } catch (IOException e) {
            why = "connection to " + describe() + " lost: " + e.getMessage();
        } finally {
            markClosed(why);
            closeSocket();
        }
    }

    @Override
    public String describe() {
        return "tcp:" + server.getHostString() + ":" + server.getPort();
    }

    @Override
    void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    Thread receiver() {
        return receiver;
    }
}
