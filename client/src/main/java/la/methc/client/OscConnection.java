package la.methc.client;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import la.methc.osc.OscCodec;

/**
 * One OSC connection to a server (the engine, scsynth, any OSC server) over UDP or TCP (int32 size-prefixed
 * frames): send packets, receive them on a thread of the connection's own ({@code methcla-client-…}) that hands
 * every message to the listeners (a bundle's messages one by one, in order). Packets go through the shared codec
 * ({@code la.methc.osc.OscCodec}). {@link #close()} ends the receive thread before it returns. The close
 * listeners hear once that the connection is over, whoever ended it (the server closing a TCP connection included).
 */
public abstract class OscConnection implements AutoCloseable {

    private final List<Consumer<OSCMessage>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> badPacketListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> closeListeners = new CopyOnWriteArrayList<>();
    /** Null while open; then why it closed. */
    private final AtomicReference<String> closedBecause = new AtomicReference<>();

    OscConnection() {
    }

    /** A UDP connection from an ephemeral local port to {@code host:port}, receiving on its own thread. */
    public static OscConnection udp(String host, int port) throws IOException {
        return new UdpConnection(new InetSocketAddress(host, port));
    }

    /** A TCP connection to {@code host:port}, receiving on its own thread. */
    public static OscConnection tcp(String host, int port) throws IOException {
        return new TcpConnection(new InetSocketAddress(host, port));
    }

    /** Sends {@code packet} (a message or a bundle). @throws ConnectionClosedException once it is closed */
    public void send(OSCPacket packet) throws IOException {
        String why = closedBecause.get();
        if (why != null) {
            throw new ConnectionClosedException(why);
        }
        sendBytes(OscCodec.encode(packet));
    }

    /** Sends the message {@code address} with {@code arguments} (Integer, Float, String, List for an array, …). */
    public void send(String address, Object... arguments) throws IOException {
        send(new OSCMessage(address, Arrays.asList(arguments)));
    }

    /** Sends bytes that are already an OSC packet (or not: for tests of a server's defences). */
    public abstract void sendBytes(ByteBuffer packet) throws IOException;

    /** Calls {@code listener} on the receive thread with every message received, in order. */
    public void addListener(Consumer<OSCMessage> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<OSCMessage> listener) {
        listeners.remove(listener);
    }

    /** Calls {@code listener} with the reason of every received packet that is not well-formed OSC. */
    public void addBadPacketListener(Consumer<String> listener) {
        badPacketListeners.add(listener);
    }

    /**
     * Calls {@code listener} once with the reason when the connection closes ("connection closed by the server
     * (tcp:…)", …), on the thread that closed it; at once if it is closed already.
     */
    public void addCloseListener(Consumer<String> listener) {
        closeListeners.add(listener);
        String why = closedBecause.get();
        if (why != null && closeListeners.remove(listener)) {
            listener.accept(why);
        }
    }

    /** Whether {@link #close()} was called or the server closed a TCP connection. */
    public boolean isClosed() {
        return closedBecause.get() != null;
    }

    /** Why the connection closed, or null while it is open. */
    public String closedReason() {
        return closedBecause.get();
    }

    /** "udp:host:port" or "tcp:host:port". */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    /** Closes the socket and waits for the receive thread to end. Idempotent. */
    @Override
    public void close() {
        markClosed("connection " + describe() + " closed");
        closeSocket();
        Thread t = receiver();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    abstract void closeSocket();

    abstract Thread receiver();

    /** Records why the connection closed and tells the close listeners, the first time only. */
    void markClosed(String why) {
        if (!closedBecause.compareAndSet(null, why)) {
            return;
        }
        for (Consumer<String> l : closeListeners) {
            if (closeListeners.remove(l)) {
                try {
                    l.accept(why);
                } catch (RuntimeException e) {
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                }
            }
        }
    }

    /** Receive thread: decodes {@code length} bytes and hands the messages to the listeners. */
    final void received(byte[] bytes, int length) {
        OSCPacket packet;
        try {
            packet = OscCodec.decode(bytes, 0, length);
        } catch (OscCodec.BadPacketException e) {
            for (Consumer<String> l : badPacketListeners) {
                l.accept(e.getMessage());
            }
            return;
        }
        deliver(packet);
    }

    private void deliver(OSCPacket packet) {
        if (packet instanceof OSCBundle b) {
            for (OSCPacket p : b.getPackets()) {
                deliver(p);
            }
            return;
        }
        OSCMessage m = (OSCMessage) packet;
        for (Consumer<OSCMessage> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                // a listener's fault must not stop the receive thread; report it where the thread reports
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }
}
