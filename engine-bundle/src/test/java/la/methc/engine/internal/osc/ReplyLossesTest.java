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
}
