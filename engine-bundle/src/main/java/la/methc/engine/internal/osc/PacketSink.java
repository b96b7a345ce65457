package la.methc.engine.internal.osc;

import com.illposed.osc.OSCPacket;

/** Receives every decoded packet from a transport, on the transport's network thread (NRT). */
public interface PacketSink {

    void onPacket(OSCPacket packet, Client from);

    /** The bytes from {@code from} did not parse as OSC; {@code reason} says why. */
    void onBadPacket(Client from, String reason);
}
