package la.methc.client;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import la.methc.osc.NtpTime;

/**
 * An OSC bundle being built: commands collected in order under one time tag. The engine runs a bundle's commands
 * together, in the block its time tag falls into (sample-accurate). Not thread-safe: build it on one thread.
 */
public final class Bundle implements Commands<Bundle> {

    private final long timeTag;
    private final List<OSCPacket> packets = new ArrayList<>();

    private Bundle(long timeTag) {
        this.timeTag = timeTag;
    }

    /** A bundle to run at once (time tag 1, "immediately"). */
    public static Bundle now() {
        return new Bundle(NtpTime.IMMEDIATE);
    }

    /** A bundle to run at {@code time} (an NTP time tag from 1900, as the OSC specification has it). */
    public static Bundle at(Instant time) {
        return new Bundle(NtpTime.fromInstant(time));
    }

    /** A bundle with the raw 64-bit time tag {@code timeTag} (a score's counts seconds from 0). */
    public static Bundle withTimeTag(long timeTag) {
        return new Bundle(timeTag);
    }

    @Override
    public Bundle add(OSCMessage message) {
        packets.add(message);
        return this;
    }

    /** Adds a nested bundle (or any packet). */
    public Bundle add(OSCPacket packet) {
        packets.add(packet);
        return this;
    }

    /** The raw 64-bit time tag. */
    public long timeTag() {
        return timeTag;
    }

    /** The messages and bundles added so far. */
    public List<OSCPacket> packets() {
        return List.copyOf(packets);
    }

    /** The OSC bundle to send. */
    public OSCBundle toPacket() {
        return new OSCBundle(new ArrayList<>(packets), OSCTimeTag64.valueOf(timeTag));
    }
}
