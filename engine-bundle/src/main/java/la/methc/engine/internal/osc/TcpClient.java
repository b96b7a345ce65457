package la.methc.engine.internal.osc;

import com.illposed.osc.OSCPacket;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import la.methc.osc.OscCodec;
import la.methc.osc.TcpFraming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OSC-over-TCP connection: packets framed by an int32 big-endian size, read by the connection's own thread
 * ({@code methcla-osc-tcp-<peer>}) and written by another ({@code methcla-osc-tcp-out-<peer>}) from a
 * {@link SendQueue}. Sending only queues, so a peer that stops reading never blocks the thread answering it (the
 * notifier serves every client); when the peer lets more than {@link #MAX_QUEUED_BYTES} wait, the connection is
 * dropped (logged) rather than grow memory. A client is its connection: equal only to itself, and not
 * {@linkplain #isOpen() open} once closed.
 */
public final class TcpClient implements Client, AutoCloseable {

    /** Bytes of replies that may wait for a peer that does not read (beyond what its socket buffers hold). */
    public static final int MAX_QUEUED_BYTES = 1 << 20;
    /** Bytes of replies that may wait for any peer: past this even one that reads is disconnected. */
    public static final int HARD_MAX_QUEUED_BYTES = 32 << 20;
    /** A peer whose replies made no progress for this long, with more than {@link #MAX_QUEUED_BYTES} waiting, does not read. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The reader takes the peer's next request only while at most this many bytes of replies wait (back-pressure). */
    static final int READ_RESUME_BYTES = MAX_QUEUED_BYTES / 4;

    private static final Logger LOG = LoggerFactory.getLogger(TcpClient.class);
    private static final long JOIN_MILLIS = 5000;
    private static final long LINGER_MILLIS = 200;

    private final Socket socket;
    private final PacketSink sink;
    private final Consumer<TcpClient> onClosed;
    private final String peer;
    private final OutputStream out;
    private final SendQueue queue;
    private final Thread reader;
    private final Thread writer;
    private volatile boolean closed;
    /** Whether a reply lost on this connection was logged at warning level already. */
    private volatile boolean lossLogged;

    TcpClient(Socket socket, PacketSink sink, Consumer<TcpClient> onClosed) throws IOException {
        this.socket = socket;
        this.sink = sink;
        this.onClosed = onClosed;
        this.peer = Peers.describe(socket.getRemoteSocketAddress());
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.queue = new SendQueue(MAX_QUEUED_BYTES, HARD_MAX_QUEUED_BYTES, STALL_NANOS, System::nanoTime);
        this.reader = new Thread(this::read, "methcla-osc-tcp-" + peer);
        this.reader.setDaemon(true);
        this.writer = new Thread(this::writeQueued, "methcla-osc-tcp-out-" + peer);
        this.writer.setDaemon(true);
    }

    void start() {
        writer.start();
        reader.start();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /**
     * NRT (network thread, notifier, worker). Queues one framed packet and returns at once; failures are logged
     * (a peer that lets too much wait is disconnected), never thrown.
     */
    @Override
    public void send(OSCPacket packet) {
        try {
            write(packet);
        } catch (IllegalArgumentException e) {
            ReplyLosses.tcp(describe(), e, false);
        } catch (IOException e) {
            // the connection is gone: the first loss is a warning, the ones after it are counted quietly
            ReplyLosses.tcp(describe(), e, lossLogged);
            lossLogged = true;
        }
    }

    /**
     * Queues one framed packet for the writer thread; never blocks.
     *
     * @throws IOException if the connection is closed, or was just closed because the peer lets too much wait
     * @throws IllegalArgumentException if the packet cannot be serialized
     */
    public void write(OSCPacket packet) throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
        byte[] frame = TcpFraming.frame(OscCodec.encode(packet));
        if (queue.offer(frame)) {
            return;
        }
        if (closed) {
            throw new IOException("connection closed");
        }
        String why = "the peer does not read: " + queue.bytes() + " bytes wait to be sent, " + frame.length
                + " more would pass the limit of " + queue.maxBytes() + " (nothing sent for "
                + TimeUnit.NANOSECONDS.toMillis(STALL_NANOS) + " ms) or of " + HARD_MAX_QUEUED_BYTES;
        LOG.warn("{}: {}; closing the connection", describe(), why);
        disconnect();
        throw new IOException(why);
    }

    /** The writer thread: sends the queued frames in order until the connection closes. */
    private void writeQueued() {
        try {
            for (byte[] frame = queue.take(); frame != null; frame = queue.take()) {
                out.write(frame);
                queue.written(frame);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("sent {} bytes to {}", frame.length, describe());
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("failed to send to {}, closing the connection: {}", describe(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
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
                    size = TcpFraming.readSize(in);
                } catch (TcpFraming.BadFrameException e) {
                    String reason = e.getMessage() + "; closing the connection";
                    LOG.debug("{}: {}", describe(), reason);
                    bad(reason);
                    closed = true;
                    lingeringClose(in);
                    break;
                }
                if (size < 0) {
                    LOG.debug("{} closed by the peer", describe());
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
                    // back-pressure: a peer that has many replies still to read sends its next request later
                    queue.awaitAtMost(READ_RESUME_BYTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
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
            disconnect();
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
            queue.awaitWritten(LINGER_MILLIS);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void bad(String reason) {
        try {
            sink.onBadPacket(this, reason);
        } catch (RuntimeException e) {
            LOG.error("packet sink failed on a bad packet from {}", describe(), e);
        }
    }

    /** Any thread. Closes the connection, dropping what waits to be sent; its threads end on their own. */
    private void disconnect() {
        closed = true;
        queue.close();
        Peers.closeQuietly(socket);
    }

    /**
     * Gives what waits to be sent a moment ({@value #LINGER_MILLIS} ms) to go, closes the connection and, unless
     * called from one of the connection's own threads, waits for them to end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            try {
                queue.awaitWritten(LINGER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        disconnect();
        for (Thread t : new Thread[] {reader, writer}) {
            if (t.isAlive() && !Peers.join(t, JOIN_MILLIS)) {
                LOG.warn("{} did not stop within {} ms", t.getName(), JOIN_MILLIS);
            }
        }
    }
}
