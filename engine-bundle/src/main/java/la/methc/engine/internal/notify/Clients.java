package la.methc.engine.internal.notify;

import com.illposed.osc.OSCPacket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import la.methc.engine.internal.osc.Client;

/**
 * The clients registered with {@code /notify 1}, at most {@code max} at once (option {@code maxClients}, as
 * scsynth's {@code -l}). A UDP client cannot be seen leaving: one that goes without {@code /notify 0} stays
 * registered, and every notification is also sent to its port, so the set is bounded. NRT, thread-safe.
 */
public final class Clients {

    private final Set<Client> registered = ConcurrentHashMap.newKeySet();
    private final int max;

    public Clients(int max) {
        this.max = max;
    }

    /** Registers {@code c}; false, leaving it unregistered, when {@code max} other clients are registered. */
    public synchronized boolean register(Client c) {
        dropClosed();
        if (registered.contains(c)) {
            return true;
        }
        if (registered.size() >= max) {
            return false;
        }
        registered.add(c);
        return true;
    }

    public void unregister(Client c) {
        registered.remove(c);
    }

    public boolean isRegistered(Client c) {
        return registered.contains(c);
    }

    /** How many may be registered at once. */
    public int max() {
        return max;
    }

    /** Sends a notification to every registered client and to {@code cause} (the sender of the command). */
    public void notify(OSCPacket packet, Client cause) {
        dropClosed();
        for (Client c : registered) {
            c.send(packet);
        }
        if (cause != null && !registered.contains(cause)) {
            cause.send(packet);
        }
    }

    /** A closed client (a TCP connection that ended) neither holds a place nor gets notifications. */
    private void dropClosed() {
        registered.removeIf(c -> !c.isOpen());
    }
}
