package la.methc.engine.internal.plugin;

import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.command.AwaitsResources;
import la.methc.engine.internal.command.Command;
import la.methc.api.CommandPlan;
import la.methc.api.ResourceStatus;
import la.methc.engine.internal.osc.Client;

/**
 * A plugin command ({@link la.methc.api.CommandDef}) on its way to a worker: RT dispatches its plan through
 * {@code performWithResources}; a refusal is answered {@code /error s:address i:id s:reason}. While a Resource it
 * names is being made, it waits in line, and so do the plugin commands after it ({@link RtContext#await}); it is
 * dispatched once that Resource is live, or refused if it never becomes live. A dispatched task runs after those
 * dispatched before it ({@link CommandOrder}). Built on the network thread after the def planned it. No String
 * constants (it runs on RT; see {@code resource.JobFailures}).
 */
public final class PluginCommand extends Command implements AwaitsResources {

    private final CommandDefEntry entry;
    private final int id;
    private final int[] resources;
    private final boolean[] writes;
    private final boolean exclusive;
    private final CommandJob job;
    private final CommandOrder order;

    /** Network thread. */
    public PluginCommand(Client client, CommandDefEntry entry, CommandPlan plan, RtContext engine, CommandOrder order) {
        super(entry.address(), client);
        this.entry = entry;
        id = plan.id();
        resources = plan.resources();
        writes = plan.writes();
        exclusive = plan.exclusive();
        job = new CommandJob(engine, entry, client, id, plan.task(), order);
        this.order = order;
    }

    /** An {@code /error}, or its dispatch to a worker (the reply after it is in the reserve). */
    @Override
    public int events() {
        return 2;
    }

    /** RT. Dispatches now, or waits in line. */
    @Override
    public void perform(RtContext rt, int offset) {
        if (!rt.await(this)) {
            resume(rt);
        }
    }

    @Override
    public int[] awaited() {
        return resources;
    }

    /** RT. The dispatch (or its refusal). */
    @Override
    public void resume(RtContext rt) {
        if (!entry.enter()) {
            rt.error(address(), id, entry.retiredReason(), client());
            return;
        }
        job.ticket = order.next(); // before the post, which publishes it to the worker
        ResourceStatus st = rt.world().performWithResources(resources, writes, exclusive, job);
        if (st != ResourceStatus.OK) {
            order.giveBack();
            entry.exit();
            rt.error(address(), id, st.reason(), client());
        }
    }

    /** RT. */
    @Override
    public void abandon(RtContext rt, String reason) {
        rt.error(address(), id, reason, client());
    }
}
