package la.methc.engine.internal;

import la.methc.api.HostCommand;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.SlotPool;

/** The slot pool's view of the engine: its jobs go through the {@link JobLedger}, its news to the notifier. RT only. */
final class SlotEvents implements SlotPool.Rt {

    private final RtEvents events;
    private final JobLedger jobs;
    private final ResourceWaits waits;

    SlotEvents(RtEvents events, JobLedger jobs, ResourceWaits waits) {
        this.events = events;
        this.jobs = jobs;
        this.waits = waits;
    }

    @Override
    public boolean post(HostCommand job) {
        return jobs.post(job);
    }

    @Override
    public boolean repost(HostCommand job, long origin) {
        return jobs.post(job, origin);
    }

    @Override
    public long pendingOrigin() {
        return jobs.pendingOrigin();
    }

    @Override
    public void ready(int id, Client client) {
        events.resourceReady(id, client);
    }

    @Override
    public void failed(int id, String reason, Client client) {
        events.resourceFailed(id, reason, client);
    }

    @Override
    public void destroyed(int id, Client client) {
        events.resourceDestroyed(id, client);
    }

    /** The plugin commands waiting in line may run now. */
    @Override
    public void settled() {
        waits.resume();
    }

    @Override
    public void warn(String message) {
        events.warn(message, null);
    }
}
