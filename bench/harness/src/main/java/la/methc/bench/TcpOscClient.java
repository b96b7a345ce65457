package la.methc.bench;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import la.methc.osc.OscCodec;
import la.methc.osc.TcpFraming;

/**
 * An OSC-over-TCP client on loopback, framed as both servers frame it (scsynth's {@code SC_ComPort}, Methcla/J's
 * {@code TcpTransport}) by the shared {@link TcpFraming}: every packet is preceded by its size as an int32,
 * big-endian. It stays apart from the client library's {@code OscConnection} for its {@link Peek}: the flood
 * counts replies from their bytes, undecoded. A reader thread of its
 * own takes apart what comes back and hands every message (bundles flattened) to a {@link Peek} that may take it
 * from its bytes, the others decoded to {@code onMessage}, so the client reads while it sends, and fast: a
 * server whose reply queue fills while nobody reads may drop the connection.
 */
final class TcpOscClient implements Closeable {

    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;
    private final Consumer<OSCMessage> onMessage;
    private final Peek peek;
    private volatile String ended;
    private volatile boolean closing;

    /** Takes a message from its bytes, before it is decoded: true when it was taken (not decoded then). */
    interface Peek {
        boolean take(byte[] bytes, int offset, int length);
    }

    TcpOscClient(int port, Consumer<OSCMessage> onMessage) throws IOException {
        this(port, onMessage, null);
    }

    /** {@code peek}, if not null, sees every message first; the ones it does not take go to {@code onMessage}. */
    TcpOscClient(int port, Consumer<OSCMessage> onMessage, Peek peek) throws IOException {
        this.onMessage = onMessage;
        this.peek = peek;
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setReceiveBufferSize(4 << 20);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        reader = new Thread(() -> read(new DataInputStream(in)), "bench-tcp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends one packet, size-prefixed. */
    void send(OSCPacket packet) throws IOException {
        send(OscCodec.toBytes(packet));
    }

    synchronized void send(byte[] packet) throws IOException {
        out.write(TcpFraming.frame(ByteBuffer.wrap(packet)));
        out.flush();
    }

    /** Writes {@code frames} (already size-prefixed, see {@link TcpFraming#frame}) in one go. */
    synchronized void sendFrames(byte[] frames, int length) throws IOException {
        out.write(frames, 0, length);
        out.flush();
    }

    /** Why the connection ended (the server closed it, an error), or null while it is open. */
    String ended() {
        return ended;
    }

    private void read(DataInputStream in) {
        try {
            while (true) {
                byte[] packet = TcpFraming.read(in);
                if (packet == null) {
                    ended = "the server closed the connection";
                    return;
                }
                OscPeek.forEachMessage(packet, 0, packet.length, this::message);
            }
        } catch (IOException | RuntimeException e) {
            ended = closing ? "closed by the client" : "the connection failed: " + e;
        }
    }

    private void message(byte[] bytes, int offset, int length) {
        if (peek != null && peek.take(bytes, offset, length)) {
            return;
        }
        try {
            deliver(OscCodec.decode(bytes, offset, length));
        } catch (OscCodec.BadPacketException e) {
            throw new IllegalStateException("the server sent a malformed packet: " + e.getMessage(), e);
        }
    }

    private void deliver(OSCPacket p) {
        if (p instanceof OSCMessage m) {
            onMessage.accept(m);
        } else {
            for (OSCPacket q : ((OSCBundle) p).getPackets()) {
                deliver(q);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to release then
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
