package la.methc.engine.internal.notify;

import com.illposed.osc.OSCPacket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import la.methc.engine.internal.osc.Client;

/** The clients registered with {@code /notify 1}. NRT, thread-safe. */
public final class Clients {

    private final Set<Client> registered = ConcurrentHashMap.newKeySet();

    public void register(Client c) {
        registered.add(c);
    }

    public void unregister(Client c) {
        registered.remove(c);
    }

    public boolean isRegistered(Client c) {
        return registered.contains(c);
    }

    /** Sends a notification to every registered client and to {@code cause} (the sender of the command). */
    public void notify(OSCPacket packet, Client cause) {
        registered.removeIf(c -> !c.isOpen());
        for (Client c : registered) {
            c.send(packet);
        }
        if (cause != null && !registered.contains(cause)) {
            cause.send(packet);
        }
    }
}
