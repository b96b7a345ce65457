package la.methc.bench;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.util.ArrayList;
import java.util.List;
import la.methc.osc.OscCodec;

/** Building OSC packets (encoded by the shared {@link OscCodec}, the engine's and the client library's). */
final class Osc {

    /** Bundles the harness sends stay below this, far below any server's UDP and score limits. */
    static final int MAX_BUNDLE_BYTES = 8000;

    private Osc() {
    }

    static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, List.of(args));
    }

    /** An OSC array argument. */
    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    /** An immediate bundle (time tag 1). */
    static OSCBundle now(List<? extends OSCPacket> packets) {
        return new OSCBundle(new ArrayList<>(packets), OSCTimeTag64.IMMEDIATE);
    }

    /** {@code messages} in order, in immediate bundles of at most {@link #MAX_BUNDLE_BYTES} bytes each. */
    static List<OSCBundle> bundles(List<OSCMessage> messages) {
        List<OSCBundle> out = new ArrayList<>();
        List<OSCMessage> current = new ArrayList<>();
        int size = 16;
        for (OSCMessage m : messages) {
            int bytes = 4 + OscCodec.encode(m).limit();
            if (!current.isEmpty() && size + bytes > MAX_BUNDLE_BYTES) {
                out.add(now(current));
                current = new ArrayList<>();
                size = 16;
            }
            current.add(m);
            size += bytes;
        }
        if (!current.isEmpty()) {
            out.add(now(current));
        }
        return out;
    }
}
