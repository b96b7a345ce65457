package la.methc.bench.jmh;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import la.methc.engine.internal.osc.Client;

/**
 * The client a benchmark's engine answers while it sets up (the notifier thread calls {@link #send}): keeps
 * every reply so the setup can wait for one and refuse to measure after an {@code /error}. Nothing is sent to it
 * in steady state.
 */
final class SetupClient implements Client {

    private final ConcurrentLinkedQueue<OSCMessage> received = new ConcurrentLinkedQueue<>();

    @Override
    public void send(OSCPacket packet) {
        if (packet instanceof OSCMessage m) {
            received.add(m);
        }
    }

    @Override
    public String describe() {
        return "bench";
    }

    /** Takes the first reply with {@code address}, or null. */
    OSCMessage take(String address) {
        for (OSCMessage m : received) {
            if (m.getAddress().equals(address) && received.remove(m)) {
                return m;
            }
        }
        return null;
    }

    /** The {@code /error} replies so far, as text. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (OSCMessage m : received) {
            if (m.getAddress().equals("/error")) {
                errors.add(m.getArguments().toString());
            }
        }
        return errors;
    }
}
