package la.methc.engine.internal.osc;

import com.illposed.osc.OSCPacket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OSC-over-TCP connection: packets framed by an int32 big-endian size, read by the connection's own thread
 * ({@code methcla-osc-tcp-<peer>}) and sent under a lock. A client is its connection: equal only to itself, and
 * not {@linkplain #isOpen() open} once closed.
 */
public final class TcpClient implements Client, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpClient.class);
    private static final long JOIN_MILLIS = 5000;
    private static final long LINGER_MILLIS = 200;

    private final Socket socket;
    private final PacketSink sink;
    private final Consumer<TcpClient> onClosed;
    private final String peer;
    private final DataOutputStream out;
    private final Object writeLock = new Object();
    private final Thread reader;
    private volatile boolean closed;

    TcpClient(Socket socket, PacketSink sink, Consumer<TcpClient> onClosed) throws IOException {
        this.socket = socket;
        this.sink = sink;
        this.onClosed = onClosed;
        this.peer = Peers.describe(socket.getRemoteSocketAddress());
        socket.setTcpNoDelay(true);
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 16 * 1024));
        this.reader = new Thread(this::read, "methcla-osc-tcp-" + peer);
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /** Sends one framed packet; failures are logged (and close the connection), never thrown. */
    @Override
    public void send(OSCPacket packet) {
        try {
            write(packet);
        } catch (IllegalArgumentException e) {
            LOG.warn("not sent to {}: {}", describe(), e.getMessage());
        } catch (IOException e) {
            if (closed) {
                LOG.debug("not sent to {}, connection closed: {}", describe(), e.toString());
            } else {
                LOG.warn("failed to send to {}, closing the connection: {}", describe(), e.toString());
                close();
            }
        }
    }

    /**
     * Sends one framed packet.
     *
     * @throws IOException if the connection is closed or the write fails
     * @throws IllegalArgumentException if the packet cannot be serialized
     */
    public void write(OSCPacket packet) throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
        ByteBuffer bytes = OscCodec.encode(packet);
        synchronized (writeLock) {
            out.writeInt(bytes.remaining());
            out.write(bytes.array(), bytes.arrayOffset(), bytes.remaining());
            out.flush();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("sent {} bytes to {}", bytes.remaining(), describe());
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public String describe() {
        return "tcp:" + peer;
    }

    @Override
    public String toString() {
        return describe();
    }

    private void read() {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            byte[] buffer = new byte[4096];
            while (!closed) {
                int size;
                try {
                    size = in.readInt();
                } catch (EOFException e) {
                    LOG.debug("{} closed by the peer", describe());
                    break;
                }
                if (size <= 0 || size > OscCodec.MAX_PACKET_SIZE) {
                    String reason = size <= 0
                            ? "TCP packet size " + size + " is not positive; closing the connection"
                            : "TCP packet size " + size + " exceeds the limit of " + OscCodec.MAX_PACKET_SIZE
                                    + " bytes; closing the connection";
                    LOG.debug("{}: {}", describe(), reason);
                    bad(reason);
                    closed = true;
                    lingeringClose(in);
                    break;
                }
                if (size > buffer.length) {
                    buffer = new byte[Math.min(OscCodec.MAX_PACKET_SIZE, Math.max(size, buffer.length * 2))];
                }
                try {
                    in.readFully(buffer, 0, size);
                } catch (EOFException e) {
                    LOG.debug("{} closed by the peer in the middle of a {} byte packet", describe(), size);
                    break;
                }
                OSCPacket packet;
                try {
                    packet = OscCodec.decode(buffer, 0, size);
                } catch (OscCodec.BadPacketException e) {
                    LOG.debug("bad TCP packet of {} bytes from {}: {}", size, describe(), e.getMessage());
                    bad(e.getMessage());
                    continue;
                }
                if (LOG.isDebugEnabled()) {
                    LOG.debug("TCP packet of {} bytes from {}", size, describe());
                }
                try {
                    sink.onPacket(packet, this);
                } catch (RuntimeException e) {
                    LOG.error("packet sink failed on a packet from {}", describe(), e);
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("{} failed: {}", describe(), e.toString());
            }
        } finally {
            closed = true;
            Peers.closeQuietly(socket);
            try {
                onClosed.accept(this);
            } catch (RuntimeException e) {
                LOG.error("close callback failed for {}", describe(), e);
            }
            LOG.debug("{} closed", describe());
        }
    }

    /**
     * Closing with unread input would reset the connection, and the peer could lose the reply sent just before
     * (the {@code /error} saying why): send FIN first, then discard input for a moment.
     */
    private void lingeringClose(DataInputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout((int) LINGER_MILLIS);
            byte[] discard = new byte[8192];
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            long total = 0;
            while (System.nanoTime() < deadline && total < OscCodec.MAX_PACKET_SIZE) {
                int n = in.read(discard);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void bad(String reason) {
        try {
            sink.onBadPacket(this, reason);
        } catch (RuntimeException e) {
            LOG.error("packet sink failed on a bad packet from {}", describe(), e);
        }
    }

    /**
     * Closes the connection and, unless called from the connection's own thread, waits for that thread to end.
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        Peers.closeQuietly(socket);
        if (reader.isAlive() && !Peers.join(reader, JOIN_MILLIS)) {
            LOG.warn("{} did not stop within {} ms", reader.getName(), JOIN_MILLIS);
        }
    }
}
