package la.methc.bench.jmh;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.util.ArrayList;
import java.util.List;
import la.methc.osc.OscCodec;

/** The OSC packets the codec benchmarks decode and encode, as a client sends them and as the notifier answers. */
public final class OscPackets {

    /** Messages in {@link #bundle()}. */
    public static final int BUNDLE_SIZE = 10;

    private OscPackets() {
    }

    /** {@code /node/set i:2 i:0 f:440}: a control change, the most frequent message in a live performance. */
    public static OSCMessage nodeSet() {
        return nodeSet(BenchEngine.FIRST_VOICE, 440f);
    }

    static OSCMessage nodeSet(int id, float value) {
        return new OSCMessage("/node/set", List.of(id, 0, value));
    }

    /** {@code /synth/new} of a play voice: a URI, three ints and two OSC arrays (controls, options). */
    public static OSCMessage synthNew() {
        return Voice.PLAY.start(BenchEngine.FIRST_VOICE, 0, BenchEngine.GROUP).get(0);
    }

    /** A bundle of {@value #BUNDLE_SIZE} {@code /node/set}s to ten voices, with a time tag (a chord change). */
    public static OSCBundle bundle() {
        List<OSCPacket> messages = new ArrayList<>();
        for (int i = 0; i < BUNDLE_SIZE; i++) {
            messages.add(nodeSet(BenchEngine.FIRST_VOICE + i, 220f * (i + 1)));
        }
        return new OSCBundle(messages, OSCTimeTag64.valueOf((3_900_000_000L << 32) | 0x8000_0000L));
    }

    /** {@code /node/ended i:id}, built as the notifier builds it. */
    public static OSCMessage nodeEnded(int id) {
        return new OSCMessage("/node/ended", List.of(id));
    }

    /** {@code /status.reply}, built as the notifier builds it (ints, floats and a double). */
    public static OSCMessage statusReply(int synths, float averageLoad) {
        return new OSCMessage("/status.reply", List.of(synths, 2, 1, averageLoad, 0.5f, 0, 48000.0, 64));
    }

    /** {@code packet} as it arrives in a datagram. */
    public static byte[] bytes(OSCPacket packet) {
        return OscCodec.toBytes(packet);
    }
}
