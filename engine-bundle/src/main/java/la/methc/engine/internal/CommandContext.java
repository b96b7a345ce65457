package la.methc.engine.internal;

import com.illposed.osc.OSCPacket;
import la.methc.api.HostCommand;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.engine.internal.command.AwaitsResources;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.command.Scheduler;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.record.OutputRecorder;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.bus.Buses;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;
import la.methc.engine.internal.tree.TreeSnapshot;

/** What commands act on: each call goes to the part of the engine that owns it. RT only; allocation-free. */
final class CommandContext implements RtContext {

    private final NodeTree tree;
    private final Buses buses;
    private final SlotPool resources;
    private final Scheduler scheduler;
    private final EventBudget budget;
    private final RtEvents events;
    private final JobLedger jobs;
    private final SynthHooks hooks;
    private final World world;
    private final LoadMeter load;
    private final OutputRecorder recorder;
    private final ResourceWaits waits;

    CommandContext(NodeTree tree, Buses buses, SlotPool resources, Scheduler scheduler, EventBudget budget,
            RtEvents events, JobLedger jobs, SynthHooks hooks, World world, LoadMeter load, OutputRecorder recorder,
            ResourceWaits waits) {
        this.tree = tree;
        this.buses = buses;
        this.resources = resources;
        this.scheduler = scheduler;
        this.budget = budget;
        this.events = events;
        this.jobs = jobs;
        this.hooks = hooks;
        this.world = world;
        this.load = load;
        this.recorder = recorder;
        this.waits = waits;
        waits.bind(resources, this);
    }

    @Override
    public NodeTree tree() {
        return tree;
    }

    @Override
    public Buses buses() {
        return buses;
    }

    @Override
    public SlotPool resources() {
        return resources;
    }

    @Override
    public World world() {
        return world;
    }

    @Override
    public void error(String address, int id, String reason, Client client) {
        events.error(address, id, reason, client);
    }

    @Override
    public void status(Client client) {
        events.status(client, tree.numSynths(), tree.numGroups(), resources.liveCount(), load.average(),
                load.takePeak(), load.overruns());
    }

    @Override
    public void sync(Client client, int id) {
        jobs.sync(client, id);
    }

    @Override
    public void resourceInfo(Client client, int id) {
        events.resourceInfo(client, id, resources.uri(id), resources.stateName(id), resources.refcount(id));
    }

    @Override
    public void nodeInfo(Client client, Node node) {
        Group parent = node.parent();
        events.nodeInfo(client, node.id(), parent == null ? -1 : parent.id(), node.isGroup(),
                node instanceof SynthNode s ? s.entry().uri() : ((Group) node).kind());
    }

    @Override
    public void tree(Client client, TreeSnapshot snapshot) {
        if (!events.tree(client, snapshot)) {
            snapshot.release(); // no event to carry it (cannot happen while the budget admitted the query)
        }
    }

    @Override
    public void done(Client client, String address) {
        events.done(client, address);
    }

    @Override
    public void schedulerInfo(Client client) {
        events.schedulerInfo(client, scheduler.size(), scheduler.capacity());
    }

    @Override
    public void dropScheduled() {
        for (Command c = scheduler.poll(); c != null; c = scheduler.poll()) {
            budget.unscheduled(c);
            c.drop(this); // e.g. a /synth/new's synth, constructed already, is destroyed (its events were reserved)
        }
    }

    @Override
    public boolean attach(SynthNode node, Command cause) {
        return hooks.attach(tree, node, cause);
    }

    @Override
    public void remap(SynthNode node, int port, int resourceId) {
        hooks.remap(node, port, resourceId);
    }

    @Override
    public void discard(Synth synth) {
        events.discard(synth);
    }

    @Override
    public int freeHolders(ResourceDefEntry def) {
        return hooks.freeHolders(tree, def);
    }

    @Override
    public void reply(Client client, OSCPacket packet) {
        events.reply(client, packet);
    }

    @Override
    public OutputRecorder recorder() {
        return recorder;
    }

    @Override
    public boolean post(HostCommand job) {
        return jobs.post(job);
    }

    @Override
    public void warn(String message, Throwable cause) {
        events.warn(message, cause);
    }

    @Override
    public boolean await(AwaitsResources c) {
        return waits.await(c);
    }

    @Override
    public void abandonWaiting() {
        waits.abandonAll();
    }
}
