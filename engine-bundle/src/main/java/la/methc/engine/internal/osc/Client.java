package la.methc.engine.internal.osc;

import com.illposed.osc.OSCPacket;
import la.methc.osc.OscCodec;

/**
 * Where replies to a packet go: a UDP peer address or a TCP connection. Equal clients are the same peer,
 * so a client can be kept in the {@code /notify} set.
 */
public interface Client {

    /** NRT (network or worker thread). Sends one packet; failures are logged, never thrown. */
    void send(OSCPacket packet);

    /** Whether the peer can still receive (a closed TCP connection cannot). */
    default boolean isOpen() {
        return true;
    }

    /** The largest packet the peer can be sent: a UDP datagram's payload, or {@link OscCodec#MAX_PACKET_SIZE}. */
    default int maxPacketSize() {
        return OscCodec.MAX_PACKET_SIZE;
    }

    /** e.g. {@code udp:127.0.0.1:50123}, for logs. */
    String describe();
}
