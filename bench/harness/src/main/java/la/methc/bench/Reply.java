package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.util.List;

/** An expected reply: its address and its leading arguments (e.g. {@code /done "/b_alloc" 3}). */
record Reply(String address, List<Object> leading) {

    static Reply of(String address, Object... leading) {
        return new Reply(address, List.of(leading));
    }

    boolean matches(OSCMessage m) {
        if (!m.getAddress().equals(address)) {
            return false;
        }
        List<Object> args = m.getArguments();
        if (args.size() < leading.size()) {
            return false;
        }
        for (int k = 0; k < leading.size(); k++) {
            if (!leading.get(k).equals(args.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return address + " " + leading;
    }
}
