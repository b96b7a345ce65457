package la.methc.engine.internal.notify;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.Synth;
import la.methc.engine.internal.agent.Agent;
import la.methc.engine.internal.agent.AgentRunner;
import la.methc.engine.internal.agent.IdleStrategy;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.SynthDestruction;
import la.methc.engine.internal.tree.TreeSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that turns RT events into OSC replies and notifications, in the order RT made them, and
 * destroys synths RT has unlinked. It is where notifications "originate on RT and are sent by a worker".
 */
public final class Notifier implements Agent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /**
     * Sends a {@code /sync} back through RT once no worker job of origin below {@code barrier} is queued or
     * running. {@code handedOver}: the jobs numbered below it had reached the workers when that was checked;
     * RT answers the sync, or sends it back here when it handed out more jobs of such an origin since.
     */
    public interface SyncRelay {
        /** False when RT's reply queue is full: the notifier tries again (a sync is never dropped). */
        boolean relay(Client client, int id, long barrier, long handedOver);
    }

    /** A job the workers' queue could not take yet: its origin, and its number (for {@code handedOver}). */
    private record WaitingJob(HostCommand job, long origin, long number) {
    }

    private final EventChannel channel;
    private final Clients clients;
    private final WorkerPool workers;
    private final Host host;
    private final SyncRelay syncRelay;
    private final List<RtEvent> pendingSyncs = new ArrayList<>();
    /** Jobs the workers' queue could not take yet, in order: handed over before any newer one, never dropped. */
    private final ArrayDeque<WaitingJob> waitingJobs = new ArrayDeque<>();
    /** The lost and spared event counts last logged. */
    private long loggedLost;
    private long loggedSpared;
    /** One more than the number of the last job handed to the workers (or dropped). */
    private long handedOver;
    private final AgentRunner runner;

    public Notifier(EventChannel channel, Clients clients, WorkerPool workers, Host host, SyncRelay syncRelay) {
        this.channel = channel;
        this.clients = clients;
        this.workers = workers;
        this.host = host;
        this.syncRelay = syncRelay;
        runner = new AgentRunner(this, IdleStrategy.backoff(), "methcla-notifier");
    }

    public void start() {
        runner.start();
    }

    /** The clients registered for notifications. */
    public Clients clients() {
        return clients;
    }

    /** The notifier's thread: hands over waiting jobs, relays settled syncs, sends one event. */
    @Override
    public int doWork() {
        int work = (handOverWaitingJobs() ? 1 : 0) + (releaseSyncs() ? 1 : 0);
        reportLosses();
        RtEvent e = channel.poll();
        if (e != null) {
            handleSafely(e);
            work++;
        }
        return work;
    }

    /** Shutdown: sends what RT queued last; syncs can no longer pass through RT. */
    @Override
    public void onClose() {
        for (RtEvent e = channel.poll(); e != null; e = channel.poll()) {
            handleSafely(e);
        }
        long deadline = System.nanoTime() + 1_000_000_000L;
        IdleStrategy idle = IdleStrategy.parking(100_000);
        while (!waitingJobs.isEmpty() && System.nanoTime() < deadline) {
            idle.idle(handOverWaitingJobs() ? 1 : 0);
        }
        if (!waitingJobs.isEmpty()) {
            LOG.error("shutdown: {} worker jobs not handed over, the workers' queue stayed full", waitingJobs.size());
        }
        reportLosses();
        pendingSyncs.clear();
    }

    private void handleSafely(RtEvent e) {
        try {
            if (handle(e)) {
                channel.recycle(e);
            }
        } catch (RuntimeException | LinkageError ex) {
            LOG.error("notification {} failed", e.kind, ex);
            channel.recycle(e);
        }
    }

    /** Returns false when the event is kept (a sync waiting for workers). */
    private boolean handle(RtEvent e) {
        switch (e.kind) {
            case ERROR -> {
                LOG.debug("error {} {}: {}", e.address, e.id, e.reason);
                OSCMessage error = new OSCMessage("/error", List.of(e.address, e.id, e.reason));
                if (e.client != null) {
                    e.client.send(error);
                } else {
                    // no sender (e.g. a synth failed while running): tell the registered clients and the log
                    LOG.warn("{} {}: {}", e.address, e.id, e.reason);
                    clients.notify(error, null);
                }
            }
            case NODE_DONE -> clients.notify(new OSCMessage("/node/done", List.of(e.id)), e.client);
            case NODE_ENDED -> {
                if (e.payload instanceof Synth s) {
                    destroyEnded(s, e);
                }
                clients.notify(new OSCMessage("/node/ended", List.of(e.id)), e.client);
            }
            case SYNTH_DISCARD -> {
                // the client never had this synth (its /synth/new was answered /error): a failure is only logged
                if (e.payload instanceof Synth s) {
                    SynthDestruction.destroy(s, host, "a refused synth");
                }
            }
            case SYNC -> {
                pendingSyncs.add(e);
                return false;
            }
            case SYNCED -> e.client.send(new OSCMessage("/synced", List.of(e.id)));
            case STATUS -> e.client.send(new OSCMessage("/status.reply", List.of(e.synths, e.groups,
                    e.resources, e.averageLoad, e.peakLoad, (int) Math.min(Integer.MAX_VALUE, e.lateBlocks),
                    host.sampleRate(), host.blockSize())));
            case HOST_COMMAND -> {
                submit((HostCommand) e.payload, e.sequence, e.job);
            }
            case LATCH -> ((CountDownLatch) e.payload).countDown();
            case RESOURCE_READY -> clients.notify(new OSCMessage("/resource/ready", List.of(e.id)), e.client);
            case RESOURCE_ERROR -> {
                LOG.debug("resource {}: {}", e.id, e.reason);
                clients.notify(new OSCMessage("/resource/error", List.of(e.id, e.reason)), e.client);
            }
            case RESOURCE_DESTROYED -> clients.notify(new OSCMessage("/resource/destroyed", List.of(e.id)), e.client);
            case RESOURCE_INFO -> e.client.send(new OSCMessage("/resource/info", List.of(e.id, e.uri, e.state,
                    e.refcount)));
            case REMAP_FAILED -> LOG.warn("node {} ({}): re-map of resource port {} to resource {} failed ({}); the old "
                    + "binding stays", e.id, e.address, e.port, e.value, why(e.payload), throwable(e.payload));
            case REPLY -> {
                if (e.client != null) {
                    e.client.send((OSCPacket) e.payload);
                }
            }
            case DONE -> e.client.send(new OSCMessage("/done", List.of(e.address)));
            case NODE_INFO -> e.client.send(new OSCMessage("/node/info", List.of(e.id, e.value, e.port,
                    e.uri == null ? "" : e.uri)));
            case TREE -> {
                TreeSnapshot s = (TreeSnapshot) e.payload;
                try {
                    e.client.send(TreeReply.message(s, e.client));
                } finally {
                    s.release();
                }
            }
            case SCHEDULER_INFO -> e.client.send(new OSCMessage("/scheduler/info", List.of(e.id, e.value)));
            case WARNING -> {
                if (e.payload instanceof Throwable t) {
                    LOG.warn(e.reason, t);
                } else {
                    LOG.warn(e.reason);
                }
            }
            default -> throw new IllegalStateException("unknown event " + e.kind);
        }
        return true;
    }

    /** Hands a job of {@code origin} to the workers, or keeps it, in order, while their queue is full. */
    private void submit(HostCommand job, long origin, long number) {
        if (waitingJobs.isEmpty() && workers.submit(job, origin)) {
            handedOver = number + 1;
            return;
        }
        if (waitingJobs.isEmpty()) {
            LOG.debug("worker queue full: jobs wait on the notifier");
        }
        waitingJobs.add(new WaitingJob(job, origin, number));
    }

    /** Hands over the jobs that waited, oldest first; true when it handed over any. */
    private boolean handOverWaitingJobs() {
        boolean any = false;
        for (WaitingJob w = waitingJobs.peek(); w != null; w = waitingJobs.peek()) {
            if (!workers.submit(w.job(), w.origin())) {
                break;
            }
            waitingJobs.poll();
            handedOver = w.number() + 1;
            any = true;
        }
        return any;
    }

    /** Whether a job of origin below {@code barrier} still waits here for the workers' queue. */
    private boolean waitingBefore(long barrier) {
        for (WaitingJob w : waitingJobs) {
            if (w.origin() < barrier) {
                return true;
            }
        }
        return false;
    }

    /** Logs replies RT lost (none unless a plugin produced more than its share) and warnings it left out. */
    private void reportLosses() {
        long lost = channel.lost();
        if (lost != loggedLost) {
            LOG.error("{} replies or notifications lost so far: the RT event pool ({} events) ran empty", lost,
                    channel.capacity());
            loggedLost = lost;
        }
        long spared = channel.spared();
        if (spared != loggedSpared) {
            LOG.warn("{} RT warnings left out of the log so far, to keep events for replies", spared);
            loggedSpared = spared;
        }
    }

    private static Object why(Object payload) {
        if (payload instanceof la.methc.api.ResourceStatus st) {
            return st == la.methc.api.ResourceStatus.OK ? "refused by the synth" : st.reason();
        }
        return payload instanceof Throwable t ? "threw " + t : "refused by the synth";
    }

    private static Throwable throwable(Object payload) {
        return payload instanceof Throwable t ? t : null;
    }

    private boolean releaseSyncs() {
        boolean any = false;
        for (Iterator<RtEvent> it = pendingSyncs.iterator(); it.hasNext();) {
            RtEvent e = it.next();
            if (workers.finishedBefore(e.sequence) && !waitingBefore(e.sequence)) {
                if (!syncRelay.relay(e.client, e.id, e.sequence, handedOver)) {
                    break; // RT's reply queue is full: this one and those after it try again, in order
                }
                it.remove();
                channel.recycle(e);
                any = true;
            }
        }
        return any;
    }

    /**
     * Destroys the synth of node {@code e.id} (SynthDef {@code e.uri}) before its {@code /node/ended} goes out.
     * Destroy is contractually infallible; one that throws is logged and answered
     * {@code /error /synth/destroy i:id s:reason} to the same clients as the {@code /node/ended} that follows.
     */
    private void destroyEnded(Synth synth, RtEvent e) {
        Throwable t = SynthDestruction.destroy(synth, host, "node " + e.id + " (" + e.uri + ")");
        if (t != null) {
            clients.notify(new OSCMessage("/error", List.of("/synth/destroy", e.id, e.uri + " destroy threw " + t)),
                    e.client);
        }
    }

    /** Handles what is queued, then stops the thread. */
    @Override
    public void close() {
        runner.close(2000);
    }
}
