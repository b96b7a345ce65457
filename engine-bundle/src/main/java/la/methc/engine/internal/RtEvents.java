package la.methc.engine.internal;

import com.illposed.osc.OSCPacket;
import java.util.concurrent.CountDownLatch;
import la.methc.api.HostCommand;
import la.methc.api.Synth;
import la.methc.engine.internal.notify.EventChannel;
import la.methc.engine.internal.notify.RtEvent;
import la.methc.engine.internal.osc.Client;

/**
 * What RT tells the notifier: every reply, notification, warning and hand-over to the workers, as a pooled
 * {@link RtEvent}, in RT's order. The work that causes them was admitted by the {@link EventBudget}, so the pool has
 * room; warnings take only what admitted work cannot need. RT only; allocation-free.
 */
final class RtEvents {

    private final EventChannel events;
    private final EventBudget budget;

    RtEvents(EventBudget budget) {
        this.budget = budget;
        events = budget.channel();
    }

    /** {@code /error s:address i:id s:reason} to {@code client} (all notify clients if null). */
    void error(String address, int id, String reason, Client client) {
        RtEvent e = events.obtain(RtEvent.Kind.ERROR);
        if (e != null) {
            e.address = address;
            e.id = id;
            e.reason = reason;
            e.client = client;
            events.publish(e);
        }
    }

    /** {@code /status.reply} to {@code client}. */
    void status(Client client, int synths, int groups, int resources, float average, float peak, long late) {
        RtEvent e = events.obtain(RtEvent.Kind.STATUS);
        if (e != null) {
            e.client = client;
            e.synths = synths;
            e.groups = groups;
            e.resources = resources;
            e.averageLoad = average;
            e.peakLoad = peak;
            e.lateBlocks = late;
            events.publish(e);
        }
    }

    /** {@code /done s:address} to {@code client}. */
    void done(Client client, String address) {
        RtEvent e = events.obtain(RtEvent.Kind.DONE);
        if (e != null) {
            e.client = client;
            e.address = address;
            events.publish(e);
        }
    }

    /** {@code /scheduler/info i:pending i:capacity} to {@code client}. */
    void schedulerInfo(Client client, int pending, int capacity) {
        RtEvent e = events.obtain(RtEvent.Kind.SCHEDULER_INFO);
        if (e != null) {
            e.client = client;
            e.id = pending;
            e.value = capacity;
            events.publish(e);
        }
    }

    /** {@code /resource/info i:id s:uri s:state i:refcount} to {@code client}. */
    void resourceInfo(Client client, int id, String uri, String state, int refcount) {
        RtEvent e = events.obtain(RtEvent.Kind.RESOURCE_INFO);
        if (e != null) {
            e.client = client;
            e.id = id;
            e.uri = uri;
            e.state = state;
            e.refcount = refcount;
            events.publish(e);
        }
    }

    /** {@code /node/info i:id i:parent i:isGroup s:uri} to {@code client} ({@code uri} null for a group). */
    void nodeInfo(Client client, int id, int parent, boolean isGroup, String uri) {
        RtEvent e = events.obtain(RtEvent.Kind.NODE_INFO);
        if (e != null) {
            e.client = client;
            e.id = id;
            e.value = parent;
            e.port = isGroup ? 1 : 0;
            e.uri = uri;
            events.publish(e);
        }
    }

    /** {@code /group/queryTree.reply} from {@code snapshot}, built by the notifier, to {@code client}. */
    boolean tree(Client client, Object snapshot) {
        RtEvent e = events.obtain(RtEvent.Kind.TREE);
        if (e == null) {
            return false;
        }
        e.client = client;
        e.payload = snapshot;
        events.publish(e);
        return true;
    }

    /** {@code /resource/error i:id s:reason} to notify clients and {@code client}. */
    void resourceFailed(int id, String reason, Client client) {
        RtEvent e = events.obtain(RtEvent.Kind.RESOURCE_ERROR);
        if (e != null) {
            e.client = client;
            e.id = id;
            e.reason = reason;
            events.publish(e);
        }
    }

    /** A failed re-map, logged by the notifier: node {@code id} of {@code uri}, resource port, resource, why. */
    void remapFailed(int id, String uri, int port, int resource, Object why) {
        RtEvent e = events.obtain(RtEvent.Kind.REMAP_FAILED);
        if (e != null) {
            e.id = id;
            e.address = uri;
            e.port = port;
            e.value = resource;
            e.payload = why;
            events.publish(e);
        }
    }

    /** {@code /node/ended i:id} to notify clients and {@code cause}, after the notifier destroyed {@code synth}. */
    void nodeEnded(int id, Client cause, Synth synth, String uri) {
        RtEvent e = events.obtain(RtEvent.Kind.NODE_ENDED);
        if (e != null) {
            e.client = cause;
            e.id = id;
            e.payload = synth;
            e.uri = uri; // names the synth in the /error should its destroy throw
            events.publish(e);
        }
    }

    /** A warning for the log (an error path: {@code message} may be built); left out, and counted, when short. */
    void warn(String message, Throwable cause) {
        RtEvent e = events.obtainSpare(RtEvent.Kind.WARNING, budget.floor());
        if (e != null) {
            e.reason = message;
            e.payload = cause;
            events.publish(e);
        }
    }

    /** Hands {@code job} (number {@code number}, of {@code origin}) to the workers; false when the pool is empty. */
    boolean hostCommand(HostCommand job, long origin, long number) {
        RtEvent e = events.obtain(RtEvent.Kind.HOST_COMMAND);
        if (e == null) {
            return false;
        }
        e.payload = job;
        e.sequence = origin;
        e.job = number;
        events.publish(e);
        return true;
    }

    /** {@code packet} (built off RT) to {@code client}, in order with RT's other replies. */
    void reply(Client client, OSCPacket packet) {
        publish(RtEvent.Kind.REPLY, client, 0, packet);
    }

    /** A synth that never entered the tree, to be destroyed by the notifier. */
    void discard(Synth synth) {
        publish(RtEvent.Kind.SYNTH_DISCARD, null, 0, synth);
    }

    void nodeDone(int id) {
        publish(RtEvent.Kind.NODE_DONE, null, id, null);
    }

    void resourceReady(int id, Client client) {
        publish(RtEvent.Kind.RESOURCE_READY, client, id, null);
    }

    void resourceDestroyed(int id, Client client) {
        publish(RtEvent.Kind.RESOURCE_DESTROYED, client, id, null);
    }

    /** Counts {@code latch} down once the notifier handled everything before it. */
    void latch(CountDownLatch latch) {
        publish(RtEvent.Kind.LATCH, null, 0, latch);
    }

    private void publish(RtEvent.Kind kind, Client client, int id, Object payload) {
        RtEvent e = events.obtain(kind);
        if (e != null) {
            e.client = client;
            e.id = id;
            e.payload = payload;
            events.publish(e);
        }
    }

    /** {@code kind} with {@code client} and {@code id}, published: for the sync ledger's own events. */
    RtEvent obtain(RtEvent.Kind kind) {
        return events.obtain(kind);
    }

    void publish(RtEvent e) {
        events.publish(e);
    }
}
