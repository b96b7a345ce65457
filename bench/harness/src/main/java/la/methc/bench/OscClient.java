package la.methc.bench;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import la.methc.osc.OscCodec;

/**
 * A UDP client on loopback for one server: sends packets encoded by the engine's {@link OscCodec} and waits,
 * bounded, for a reply. Replies it is not waiting for are dropped, except errors, which are counted and kept.
 */
final class OscClient implements Closeable {

    /** A wait that ran out: the server did not answer in time. */
    static final class NoReplyException extends IOException {
        private static final long serialVersionUID = 1L;

        NoReplyException(String message) {
            super(message);
        }
    }

    private final DatagramChannel channel;
    /** The channel's socket view, whose receive honours a timeout. */
    private final DatagramSocket socket;
    private final Predicate<OSCMessage> isError;
    private final byte[] receive = new byte[65536];
    private final ArrayDeque<OSCMessage> pending = new ArrayDeque<>();
    private final List<OSCMessage> errors = new ArrayList<>();

    OscClient(int port, Predicate<OSCMessage> isError) throws IOException {
        this.isError = isError;
        channel = DatagramChannel.open();
        socket = channel.socket();
        // replies can pile up while a burst is sent; keep them rather than drop them
        socket.setReceiveBufferSize(4 << 20);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        channel.connect(new InetSocketAddress("127.0.0.1", port));
    }

    void send(OSCPacket packet) throws IOException {
        send(OscCodec.toBytes(packet));
    }

    void send(byte[] packet) throws IOException {
        channel.write(ByteBuffer.wrap(packet));
    }

    /** Sends the remaining bytes of {@code packet} as one datagram, without moving its position. */
    void send(ByteBuffer packet) throws IOException {
        channel.write(packet.duplicate());
    }

    /** Waits up to {@code timeoutMs} for a message matching {@code want}; errors on the way are kept. */
    OSCMessage await(Reply want, long timeoutMs) throws IOException {
        return await(want::matches, want.toString(), timeoutMs);
    }

    OSCMessage await(Predicate<OSCMessage> want, String what, long timeoutMs) throws IOException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            OSCMessage m = next(deadline);
            if (m == null) {
                throw new NoReplyException("no " + what + " within " + timeoutMs + " ms"
                        + (errors.isEmpty() ? "" : "; errors: " + describe(errors)));
            }
            if (want.test(m)) {
                return m;
            }
            if (isError.test(m)) {
                errors.add(m);
            }
        }
    }

    /** The errors received since the last call, and forgets them. */
    List<OSCMessage> takeErrors() {
        List<OSCMessage> e = List.copyOf(errors);
        errors.clear();
        return e;
    }

    static String describe(List<OSCMessage> messages) {
        StringBuilder b = new StringBuilder();
        for (OSCMessage m : messages.subList(0, Math.min(3, messages.size()))) {
            b.append(b.length() == 0 ? "" : ", ").append(m.getAddress()).append(' ').append(m.getArguments());
        }
        return messages.size() > 3 ? b + " (" + messages.size() + " in all)" : b.toString();
    }

    private OSCMessage next(long deadline) throws IOException {
        while (pending.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            DatagramPacket p = new DatagramPacket(receive, receive.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            try {
                flatten(OscCodec.decode(receive, 0, p.getLength()));
            } catch (OscCodec.BadPacketException e) {
                throw new IOException("the server sent a malformed packet: " + e.getMessage(), e);
            }
        }
        return pending.poll();
    }

    private void flatten(OSCPacket p) {
        if (p instanceof OSCMessage m) {
            pending.add(m);
        } else {
            for (OSCPacket q : ((OSCBundle) p).getPackets()) {
                flatten(q);
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a datagram channel does not fail in practice; nothing to release then
        }
    }
}
