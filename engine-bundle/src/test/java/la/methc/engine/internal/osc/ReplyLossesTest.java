package la.methc.engine.internal.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.illposed.osc.OSCMessage;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reply the OS refuses to send is counted, once. */
class ReplyLossesTest {

    @Test
    void aUdpSendThatFailsCountsOneLoss() throws Exception {
        DatagramSocket socket = new DatagramSocket();
        UdpClient client = new UdpClient(socket, new InetSocketAddress("127.0.0.1", 9));
        socket.close(); // the send fails: the socket is closed
        long before = ReplyLosses.udp();
        client.send(new OSCMessage("/status.reply", List.of(1)));
        assertEquals(before + 1, ReplyLosses.udp());
    }

    @Test
    void aReplyToAClosedTcpConnectionCountsOneLoss() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                java.net.Socket peer = new java.net.Socket(server.getInetAddress(), server.getLocalPort());
                java.net.Socket accepted = server.accept()) {
            TcpClient client = new TcpClient(accepted, new RecordingSink(), c -> { });
            client.close(); // the connection is gone
            long before = ReplyLosses.tcp();
            client.send(new OSCMessage("/status.reply", List.of(1)));
            assertEquals(before + 1, ReplyLosses.tcp());
        }
    }
}
