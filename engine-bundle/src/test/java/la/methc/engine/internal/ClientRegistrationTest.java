package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Map;
import la.methc.engine.internal.osc.OscServer;
import org.junit.jupiter.api.Test;

/**
 * {@code /notify 1} registers at most {@code maxClients} clients at once, as scsynth's {@code -l}: a UDP client
 * cannot be seen leaving, and each notification also goes to every registered port. Sent and compared as bytes
 * written from the OSC specification ({@link HandMadeOsc}), over UDP, as a client in another language sees them.
 */
class ClientRegistrationTest {

    private static final byte[] DONE = HandMadeOsc.message("/done", "/notify");

    /** A UDP client that sends hand-made datagrams to the engine and reads its replies as bytes. */
    private static final class Peer implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));

        Peer(int port) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
        }

        byte[] ask(byte[] datagram) throws IOException {
            socket.send(new DatagramPacket(datagram, datagram.length));
            return next(2000);
        }

        void send(byte[] datagram) throws IOException {
            socket.send(new DatagramPacket(datagram, datagram.length));
        }

        byte[] next(int timeoutMs) throws IOException {
            byte[] buf = new byte[1024];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.setSoTimeout(timeoutMs);
            socket.receive(p);
            return Arrays.copyOf(buf, p.getLength());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** Runs blocks (this thread is the engine's RT) until {@code p} receives a datagram; fails after 5 s. */
    private static byte[] whileRunning(EngineHarness h, Peer p) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            h.block();
            try {
                return p.next(1);
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    @Test
    void oneClientMoreThanMaxClientsIsRefusedUntilOneLeaves() throws Exception {
        try (EngineHarness h = new EngineHarness(Map.of("maxClients", "2"));
                OscServer server = OscServer.start("127.0.0.1", 0, h.dispatcher);
                Peer a = new Peer(server.port()); Peer b = new Peer(server.port()); Peer c = new Peer(server.port())) {
            assertArrayEquals(DONE, a.ask(HandMadeOsc.message("/notify", 1)));
            assertArrayEquals(DONE, b.ask(HandMadeOsc.message("/notify", 1)));
            assertArrayEquals(DONE, a.ask(HandMadeOsc.message("/notify", 1)), "registered again: still one place");
            assertArrayEquals(HandMadeOsc.message("/error", "/notify", -1, "2 of 2 client registrations (option "
                    + "maxClients) are in use; a client leaves with /notify 0"),
                    c.ask(HandMadeOsc.message("/notify", 1)));

            // the registered clients get a notification another client caused; the refused one does not
            c.send(HandMadeOsc.message("/group/new", 5, 0, 0));
            c.send(HandMadeOsc.message("/node/free", 5));
            byte[] ended = HandMadeOsc.message("/node/ended", 5);
            assertArrayEquals(ended, whileRunning(h, a));
            assertArrayEquals(ended, b.next(2000));
            assertArrayEquals(ended, c.next(2000), "the sender of the free is told, registered or not");
            assertThrows(SocketTimeoutException.class, () -> c.next(200), "nothing else for the refused client");

            assertArrayEquals(DONE, a.ask(HandMadeOsc.message("/notify", 0)));
            assertArrayEquals(DONE, c.ask(HandMadeOsc.message("/notify", 1)), "a place came free");
        }
    }
}
