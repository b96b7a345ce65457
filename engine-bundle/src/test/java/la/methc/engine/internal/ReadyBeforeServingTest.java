package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import la.methc.osc.OscCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OSC port is bound at start (a taken port fails at once) but nothing is answered, over UDP or TCP, until the
 * plugins are bound; what was sent meanwhile is served then, none of it lost.
 */
class ReadyBeforeServingTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void nothingIsAnsweredUntilThePluginsAreBoundThenEverythingIs() throws Exception {
        CountDownLatch pluginsBound = new CountDownLatch(1);
        Map<String, String> o = new HashMap<>(Map.of("driver", "dummy", "port", "0", "bind", "127.0.0.1",
                "maxNodes", "16", "maxResources", "16", "internalBuses", "4"));
        EngineRuntime runtime = new EngineRuntime(EngineOptions.from(o::get), new SynthDefRegistry(),
                new ResourceDefRegistry(), () -> { });
        try {
            runtime.start(() -> {
                try {
                    pluginsBound.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            InetSocketAddress engine = new InetSocketAddress(InetAddress.getLoopbackAddress(), runtime.port());
            assertTrue(runtime.port() > 0, "bound at start");
            try (DatagramSocket udp = new DatagramSocket(); Socket tcp = new Socket()) {
                udp.connect(engine);
                udp.setSoTimeout(300);
                tcp.connect(engine, 5000); // waits in the backlog
                tcp.setSoTimeout(300);
                sendUdp(udp, new OSCMessage("/status"));
                sendTcp(tcp, new OSCMessage("/version"));
                assertNull(receiveUdp(udp), "a UDP reply before the plugins are bound");
                assertThrows(SocketTimeoutException.class, () -> receiveTcp(tcp), "a TCP reply before ready");

                pluginsBound.countDown();
                udp.setSoTimeout(5000);
                tcp.setSoTimeout(5000);
                assertEquals("/status.reply", receiveUdp(udp).getAddress());
                OSCMessage version = receiveTcp(tcp);
                assertEquals("/version.reply", version.getAddress());
                assertEquals(List.of("Methcla/J", 0, 1, "0.1.0"), version.getArguments());
            }
        } finally {
            pluginsBound.countDown();
            runtime.close();
        }
    }

    private static void sendUdp(DatagramSocket s, OSCMessage m) throws Exception {
        byte[] b = OscCodec.toBytes(m);
        s.send(new DatagramPacket(b, b.length));
    }

    private static OSCMessage receiveUdp(DatagramSocket s) throws Exception {
        byte[] b = new byte[65536];
        DatagramPacket p = new DatagramPacket(b, b.length);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return (OSCMessage) OscCodec.decode(b, 0, p.getLength());
    }

    private static void sendTcp(Socket s, OSCMessage m) throws Exception {
        byte[] b = OscCodec.toBytes(m);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(b.length);
        out.write(b);
        out.flush();
    }

    private static OSCMessage receiveTcp(Socket s) throws Exception {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return (OSCMessage) OscCodec.decode(b, 0, b.length);
    }
}
