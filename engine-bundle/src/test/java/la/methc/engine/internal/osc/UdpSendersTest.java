package la.methc.engine.internal.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpSendersTest {

    private DatagramSocket socket;

    @BeforeEach
    void open() throws Exception {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() {
        socket.close();
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal); // a literal: no lookup, a new object each time
    }

    @Test
    void aSenderKeepsItsClient() throws Exception {
        UdpSenders senders = new UdpSenders(socket, AllowList.ANY);
        InetAddress a = address("127.0.0.1");
        UdpClient first = senders.clientOf(a, 5000);
        assertSame(first, senders.clientOf(a, 5000));
        // an equal address in another object, as the socket gives after another sender came in between
        UdpClient other = senders.clientOf(a, 5001);
        assertSame(first, senders.clientOf(address("127.0.0.1"), 5000));
        assertSame(other, senders.clientOf(address("127.0.0.1"), 5001));
        assertNotEquals(first, other);
        assertEquals(new InetSocketAddress(a, 5000), first.remoteAddress());
        assertEquals(new UdpClient(socket, new InetSocketAddress(a, 5000)), first);
        assertEquals(2, senders.size());
    }

    @Test
    void refusedSendersGetNoClientAndAreNotKept() throws Exception {
        UdpSenders senders = new UdpSenders(socket, AllowList.parse("127.0.0.2"));
        assertNull(senders.clientOf(address("127.0.0.1"), 5000));
        assertNull(senders.clientOf(address("127.0.0.1"), 5000));
        assertEquals(0, senders.size());
        InetAddress allowed = address("127.0.0.2");
        UdpClient c = senders.clientOf(allowed, 5000);
        assertSame(c, senders.clientOf(allowed, 5000));
        assertNull(senders.clientOf(address("127.0.0.1"), 5000), "the last sender's client is not reused for another");
        assertEquals(1, senders.size());
    }

    @Test
    void manySendersAreBoundedAndStillGetEqualClients() throws Exception {
        UdpSenders senders = new UdpSenders(socket, AllowList.ANY);
        InetAddress a = address("127.0.0.1");
        UdpClient first = senders.clientOf(a, 1);
        for (int port = 2; port <= UdpSenders.CAPACITY + 10; port++) {
            senders.clientOf(a, port);
        }
        assertEquals(UdpSenders.CAPACITY, senders.size());
        UdpClient again = senders.clientOf(address("127.0.0.1"), 1);
        assertNotSame(first, again); // forgotten, made anew ...
        assertEquals(first, again); // ... and the same client to the engine
        assertEquals(first.hashCode(), again.hashCode());
    }
}
