package la.methc.itests;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import la.methc.client.OscConnection;

/**
 * A blocking OSC client for tests, over UDP or TCP, on the client library's {@link OscConnection} (the shared
 * codec and framing): what arrives is queued, and the tests take it in order with {@link #await}, {@link #next},
 * {@link #drain} and {@link #syncReplies}. {@link HandMadeOsc} with {@link #sendRaw} sends bytes written without
 * the codec.
 */
final class OscTestClient implements AutoCloseable {

    private final OscConnection connection;
    private final LinkedBlockingQueue<OSCMessage> inbox = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> malformed = new LinkedBlockingQueue<>();
    private final List<OSCMessage> skipped = new ArrayList<>();

    private OscTestClient(OscConnection connection) {
        this.connection = connection;
        connection.addListener(inbox::add);
        connection.addBadPacketListener(malformed::add);
    }

    static OscTestClient udp(int port) throws IOException {
        return new OscTestClient(OscConnection.udp("127.0.0.1", port));
    }

    static OscTestClient tcp(int port) throws IOException {
        return new OscTestClient(OscConnection.tcp("127.0.0.1", port));
    }

    static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, Arrays.asList(args));
    }

    void send(String address, Object... args) throws IOException {
        send(msg(address, args));
    }

    void send(OSCPacket packet) throws IOException {
        connection.send(packet);
    }

    void sendRaw(byte[] bytes) throws IOException {
        connection.sendBytes(ByteBuffer.wrap(bytes));
    }

    /** The next message with this address (others are kept for later calls); fails after {@code ms}. */
    OSCMessage await(String address, long ms) throws IOException {
        for (int i = 0; i < skipped.size(); i++) {
            if (skipped.get(i).getAddress().equals(address)) {
                return skipped.remove(i);
            }
        }
        long deadline = System.currentTimeMillis() + ms;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            OSCMessage m = left > 0 ? receive((int) left) : null;
            if (m == null) {
                throw new AssertionError("no " + address + " within " + ms + " ms; got " + describe(skipped));
            }
            if (m.getAddress().equals(address)) {
                return m;
            }
            skipped.add(m);
        }
    }

    OSCMessage await(String address) throws IOException {
        return await(address, 5000);
    }

    /** The next message, whatever its address (a kept one first); fails after {@code ms}. */
    OSCMessage next(long ms) throws IOException {
        if (!skipped.isEmpty()) {
            return skipped.remove(0);
        }
        OSCMessage m = receive((int) Math.max(1, ms));
        if (m == null) {
            throw new AssertionError("no message within " + ms + " ms");
        }
        return m;
    }

    /** Every message that arrives within {@code ms}, the kept ones first. */
    List<OSCMessage> drain(long ms) throws IOException {
        List<OSCMessage> all = new ArrayList<>(skipped);
        skipped.clear();
        long deadline = System.currentTimeMillis() + ms;
        for (long left = ms; left > 0; left = deadline - System.currentTimeMillis()) {
            OSCMessage m = receive((int) left);
            if (m != null) {
                all.add(m);
            }
        }
        return all;
    }

    /** Waits until the engine answers {@code /version}: its component is active. Fails after {@code ms}. */
    void awaitEngine(long ms) throws IOException {
        long deadline = System.currentTimeMillis() + ms;
        while (true) {
            send("/version");
            try {
                await("/version.reply", 200);
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** Requests sent to learn whether plugins are bound. */
    @FunctionalInterface
    interface Probe {
        void send(OscTestClient osc) throws IOException;
    }

    /**
     * Plugins are DS services the engine binds some time after it answers: sends {@code probe} (requests the
     * plugins refuse once they are bound) and a {@code /sync} until {@code bound} holds for the replies; fails
     * after {@code ms}, naming {@code what}.
     */
    void awaitBound(long ms, Probe probe, Predicate<List<OSCMessage>> bound, String what)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (true) {
            probe.send(this);
            sync();
            List<OSCMessage> got = drain(20);
            if (bound.test(got)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " never bound: " + describe(got));
            }
            Thread.sleep(50);
        }
    }

    /** Whether one of {@code replies} is an {@code /error} for {@code address} whose reason contains {@code part}. */
    static boolean hasError(List<OSCMessage> replies, String address, String part) {
        return replies.stream().anyMatch(m -> m.getAddress().equals("/error")
                && (address == null || m.getArguments().get(0).equals(address))
                && ((String) m.getArguments().get(2)).contains(part));
    }

    static boolean has(List<OSCMessage> replies, String address) {
        return replies.stream().anyMatch(m -> m.getAddress().equals(address));
    }

    /** {@code /sync} round trip: everything sent before has been handled. */
    void sync() throws IOException {
        int id = (int) (System.nanoTime() & 0x7fffffff);
        send("/sync", id);
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            OSCMessage m = await("/synced", deadline - System.currentTimeMillis());
            if (m.getArguments().get(0).equals(id)) {
                return;
            }
        }
    }

    /**
     * {@code /sync}, then every message that arrived before its {@code /synced}, in arrival order (the kept ones
     * first): all the replies and notifications caused by what was sent before. Fails after 5 s.
     */
    List<OSCMessage> syncReplies() throws IOException {
        int id = (int) (System.nanoTime() & 0x7fffffff);
        send("/sync", id);
        List<OSCMessage> got = new ArrayList<>(skipped);
        skipped.clear();
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            OSCMessage m = left > 0 ? receive((int) left) : null;
            if (m == null) {
                throw new AssertionError("no /synced within 5000 ms; got " + describe(got));
            }
            if (m.getAddress().equals("/synced") && m.getArguments().get(0).equals(id)) {
                return got;
            }
            got.add(m);
        }
    }

    private OSCMessage receive(int timeoutMs) throws IOException {
        String bad = malformed.poll();
        if (bad != null) {
            throw new IOException("unparseable reply: " + bad);
        }
        try {
            return inbox.poll(Math.max(1, timeoutMs), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String describe(List<OSCMessage> messages) {
        StringBuilder b = new StringBuilder();
        for (OSCMessage m : messages) {
            b.append(m.getAddress()).append(' ').append(m.getArguments()).append("; ");
        }
        return b.toString();
    }

    @Override
    public void close() {
        connection.close();
    }
}
