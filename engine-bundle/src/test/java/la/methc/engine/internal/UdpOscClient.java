package la.methc.engine.internal;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import la.methc.client.OscConnection;

/** An {@link OscClient} over UDP, on the client library's {@link OscConnection}. */
final class UdpOscClient extends OscClient {
    private final OscConnection connection;

    UdpOscClient(String name, int port, Set<String> kept) throws IOException {
        super(name, kept);
        connection = OscConnection.udp("127.0.0.1", port);
        connection.addListener(this::received);
        connection.addBadPacketListener(why -> received(new OSCMessage("!bad packet", List.of(why))));
    }

    @Override
    void sendBytes(byte[] b) throws IOException {
        connection.sendBytes(ByteBuffer.wrap(b));
    }

    @Override
    void closeTransport() {
        connection.close();
    }
}
