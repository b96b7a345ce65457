package la.methc.bench;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A client talking to one server under test: the exchanges every figure is built from. */
final class Session implements Closeable {

    final ServerUnderTest server;
    final OscClient client;
    /** The server's port on 127.0.0.1. */
    final int port;
    private int syncs;
    /** Whether {@link #connect} registered this client for notifications. */
    private boolean registered;

    Session(ServerUnderTest server, int port) throws IOException {
        this.server = server;
        this.client = new OscClient(port, server::isError);
        this.port = port;
    }

    /** Waits (bounded) until the server answers {@code /status}, then prepares it. */
    void connect(long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            try {
                client.send(Osc.msg("/status"));
                client.await(Reply.of("/status.reply"), 200);
                break;
            } catch (OscClient.NoReplyException | java.net.PortUnreachableException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(server.name() + " does not answer /status within " + timeoutMs + " ms");
                }
                Thread.sleep(20); // nobody listens yet: the send fails at once
            }
        }
        server.prepare(client);
        registered = true;
    }

    Status status() throws IOException {
        client.send(Osc.msg("/status"));
        return server.status(client.await(Reply.of("/status.reply"), 2000));
    }

    /** Sends {@code /sync} and waits for its {@code /synced}. */
    void sync(long timeoutMs) throws IOException {
        int id = ++syncs;
        client.send(Osc.msg("/sync", id));
        client.await(Reply.of("/synced", id), timeoutMs);
    }

    /** Sends {@code packets}, then syncs; returns the errors they caused. */
    List<OSCMessage> sendAndSync(List<? extends OSCPacket> packets) throws IOException {
        client.takeErrors();
        for (OSCPacket p : packets) {
            client.send(p);
        }
        sync(10_000);
        return client.takeErrors();
    }

    /**
     * Sends {@code packets} that may keep the server busy for a while (freeing thousands of synths: supernova took
     * over 10 s on a loaded machine), then syncs, asking again up to 3 times when no {@code /synced} comes within
     * 10 s; returns the errors they caused.
     */
    List<OSCMessage> sendAndSyncPatiently(List<? extends OSCPacket> packets) throws IOException {
        client.takeErrors();
        for (OSCPacket p : packets) {
            client.send(p);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                sync(10_000);
                return client.takeErrors();
            } catch (OscClient.NoReplyException e) {
                if (attempt == 4) {
                    throw e;
                }
                System.out.println("  no /synced within 10 s: asking again");
            }
        }
    }

    /** Sends {@code packets}, syncs, and fails on any error. */
    void run(String what, List<? extends OSCPacket> packets) throws IOException {
        List<OSCMessage> errors = sendAndSync(packets);
        if (!errors.isEmpty()) {
            throw new IOException(server.name() + " refused " + what + ": " + OscClient.describe(errors));
        }
    }

    /**
     * Unregisters ({@code /notify 0}, as every server here takes it) before the socket closes: a UDP client that
     * left registered stays so for the server's life, and the server sends each later notification to its dead
     * port too (a Methcla/J that had served some 40 sessions took 0.5 ms instead of 0.2 ms to answer a node free).
     */
    @Override
    public void close() {
        try {
            if (registered) {
                client.send(Osc.msg("/notify", 0));
                client.await(Reply.of("/done", "/notify"), 2000);
            }
        } catch (IOException e) {
            System.out.println("  " + server.name() + " did not confirm /notify 0: " + e.getMessage());
        } finally {
            client.close();
        }
    }
}
