package la.methc.engine.internal;

import la.methc.api.Host;
import la.methc.api.World;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.command.Scheduler;
import la.methc.engine.internal.driver.AudioCallback;
import la.methc.engine.internal.notify.Clients;
import la.methc.engine.internal.notify.Notifier;
import la.methc.engine.internal.notify.WorkerPool;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.bus.Buses;
import la.methc.engine.internal.parallel.Parallelism;
import la.methc.engine.internal.record.OutputRecorder;
import la.methc.engine.internal.tree.IsolatedRuns;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The engine core: the RT block loop, the state only RT writes (node tree, buses, scheduler, Resource slots) and
 * the queues that connect it to the network, notifier and worker threads. Its parts: the {@link EventBudget} that
 * admits work (ADR 0012), the {@link JobLedger} of jobs and {@code /sync}s, the {@link RtEvents} it publishes, the
 * {@link SynthHooks} that run attach, remap and detach, the {@link PluginContext} plugins see. Tests drive it.
 *
 * <p>Block order (ADR 0001): take due requests and scheduled commands, run worker → RT replies, process the tree
 * head to tail, zero unwritten outputs, tap them for a recording, advance the clock.
 */
public final class Engine implements AudioCallback, BlockContext {

    private static final int QUEUE_CAPACITY = 16384;
    /** The most RT events one request may need (see {@link EventBudget#REQUEST_EVENTS}). */
    public static final int REQUEST_EVENTS = EventBudget.REQUEST_EVENTS;
    /** For this many blocks after a request RT looks for more between blocks (see {@link #between}). */
    private static final int ACTIVE_BLOCKS = 750;

    private final EngineOptions options;
    private final Clock clock;
    private final NodeTree tree;
    private final Buses buses;
    private final Scheduler scheduler = new Scheduler(QUEUE_CAPACITY);
    private final RequestIntake requests;
    private final WorkerReplies replies;
    private final EventBudget budget;
    private final RtEvents events;
    private final WorkerPool workers;
    private final Notifier notifier;
    private final LoadMeter load;
    private final SlotPool resources;
    private final JobLedger jobs;
    private final SynthHooks hooks;
    private final PluginContext plugins;
    private final CommandContext context;
    private final EngineControl control;
    private Parallelism parallel; // threads for isolated synths and parallel groups; set in start, before the driver
    private long epoch;
    private long frameTime;
    private volatile long blocksDone;
    private long lastRequestBlock = Long.MIN_VALUE / 2; // the block count when RT last took a request

    public Engine(EngineOptions options) {
        this.options = options;
        clock = new Clock(options.sampleRate(), options.offline());
        buses = new Buses(options.blockSize(), options.internalBuses(), options.hardwareInputs(),
                options.hardwareOutputs());
        budget = new EventBudget(options);
        events = new RtEvents(budget);
        load = new LoadMeter(options.sampleRate(), options.blockSize());
        workers = new WorkerPool(options.workerThreads(), QUEUE_CAPACITY);
        jobs = new JobLedger(events, workers::completed, () -> resources().hasPendingPosts());
        replies = new WorkerReplies(options.maxResources() + SlotPool.PERFORM_JOBS + 64, QUEUE_CAPACITY, workers, jobs,
                budget, this::run);
        ResourceWaits waits = new ResourceWaits(budget); // plugin commands waiting for Resources being made
        resources = new SlotPool(options.maxResources(), new SlotEvents(events, jobs, waits), replies::result);
        hooks = new SynthHooks(resources, events, options.maxResources());
        tree = new NodeTree(options.maxNodes(), hooks);
        plugins = new PluginContext(options, tree, resources, hooks, jobs, budget, () -> frameTime,
                replies::plugin);
        hooks.world(plugins);
        context = new CommandContext(tree, buses, resources, scheduler, budget, events, jobs, hooks, plugins, load,
                new OutputRecorder(options.sampleRate(), options.blockSize(), options.hardwareOutputs()),
                waits);
        requests = new RequestIntake(QUEUE_CAPACITY, options.offline(), scheduler, budget, events, context, this::run);
        control = new EngineControl(this, events);
        notifier = new Notifier(budget.channel(), new Clients(options.maxClients()), workers, plugins,
                (client, id, barrier, handedOver) -> replies.relay(new SyncRelay(this, client, id, barrier, handedOver)));
    }

    public EngineOptions options() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    public Clients clients() {
        return notifier.clients();
    }

    /** What NRT threads ask of RT and wait for. */
    public EngineControl control() {
        return control;
    }

    /** The engine as plugins see it off RT. */
    public Host host() {
        return plugins;
    }

    /** Starts the notifier and worker threads; the driver is started by the caller. */
    public void start() {
        parallel = new Parallelism(options.synthThreads(), options.maxNodes(), options.renderMinRun(), plugins,
                !options.offline(), options.rtPriority()); // render.threads offline (ADR 0006), else dspThreads
        workers.start(plugins);
        notifier.start();
        clock.markStart();
    }

    /** Any thread. Replies and notifications RT could not send (the pool was empty): 0 unless a plugin misbehaves. */
    public long lostEvents() {
        return budget.channel().lost();
    }

    /** Any thread. Times requests waited for the event pool (back-pressure, not loss). */
    public long deferrals() {
        return budget.deferrals();
    }

    /** Any thread. Blocks processed so far. */
    public long blocksDone() {
        return blocksDone;
    }

    /** Network thread. Waits up to {@code timeoutMs} for room (back-pressure, ADR 0012); false on timeout. */
    public boolean submit(Command c, long timeoutMs) {
        return requests.submit(c, timeoutMs);
    }

    /** NRT. One of the engine's own commands, taken before requests the pool holds back; false on timeout. */
    boolean submitInternal(Command c, long timeoutMs) {
        return requests.submitInternal(c, timeoutMs);
    }

    /** Closes a recording still open, stops notifier and workers once their queues drained. After the driver. */
    public void close() {
        context.recorder().close(2000);
        if (parallel != null) {
            parallel.close();
        }
        notifier.close();
        workers.close(2000);
    }

    // ---------------------------------------------------------------- RT: the block

    /** RT (driver thread): one block. */
    @Override
    public void process(float[][] inputs, float[][] outputs) {
        long t0 = System.nanoTime();
        epoch++;
        long blockEnd = frameTime + options.blockSize();
        buses.readHardwareInputs(inputs, epoch);
        takeRequests(blockEnd);
        requests.runDue(blockEnd);
        takeReplies();
        tree.process(this);
        jobs.publishSyncs();
        hooks.enter(null);
        buses.writeHardwareOutputs(outputs, epoch);
        context.recorder().tap(outputs);
        frameTime = blockEnd;
        blocksDone++;
        load.record(System.nanoTime() - t0);
    }

    private void takeRequests(long blockEnd) {
        if (requests.take(blockEnd)) {
            lastRequestBlock = blocksDone;
        }
    }

    /** RT. Runs what the workers sent back, then hands out again the jobs that could not be. */
    private void takeReplies() {
        replies.run();
        resources.retryPosts();
    }

    /** RT. A {@code /sync} back from the notifier (the results posted before it have run: replies run in order). */
    void synced(Client client, int id, long barrier, long handedOver) {
        jobs.synced(client, id, barrier, handedOver, resources.hasPendingPostBefore(barrier));
    }

    /** RT. Whether the engine has no asynchronous work outstanding (see {@link JobLedger#settled}). */
    public boolean settled() {
        return jobs.settled();
    }

    /**
     * RT, between two blocks of the offline driver: runs the replies the workers sent so far (a Resource constructed
     * in time is live for the next block's commands), returns {@link #settled()}. Replies run as they come, not once
     * every job finished: a plugin command's job waits for the reply of the one before it ({@code CommandOrder}).
     */
    @Override
    public boolean settle() {
        takeReplies();
        return settled() && context.recorder().hasRoom(); // a render's recording loses no block
    }

    /**
     * RT, between two blocks of a clock-paced driver (ADR 0005): runs the requests and replies that came since the
     * block, answers the settled {@code /sync}s. Asks to be called again soon while work is outstanding or requests
     * came in the last {@value #ACTIVE_BLOCKS} blocks. Allocation-free, lock-free, never blocks.
     */
    @Override
    public boolean between() {
        takeRequests(frameTime + options.blockSize());
        if (!settled()) {
            takeReplies();
        }
        jobs.publishSyncs();
        return settled() && blocksDone - lastRequestBlock > ACTIVE_BLOCKS;
    }

    private void run(Command c) { // late commands run at once, at the block start
        long offset = c.time() == Command.NOW ? 0 : c.time() - frameTime;
        c.perform(context, offset > 0 ? (int) offset : 0);
    }

    /** RT. The driver skipped {@code blocks} blocks: time tags map to frames that much later; they count as late. */
    @Override
    public void skipped(long blocks) {
        clock.skip(blocks * options.blockSize());
        load.skipped(blocks);
    }

    /** RT. The first frame of the current block. */
    public long frameTime() {
        return frameTime;
    }

    // ---------------------------------------------------------------- RT state for drivers and tests; BlockContext

    public NodeTree tree() {
        return tree;
    }

    public Buses buses() {
        return buses;
    }

    public SlotPool resources() {
        return resources;
    }

    /** The engine as plugins see it on RT. */
    public World world() {
        return plugins;
    }

    /** What commands act on. */
    public RtContext context() {
        return context;
    }

    @Override
    public int blockSize() {
        return options.blockSize();
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public IsolatedRuns parallel() {
        return parallel == null ? null : parallel.runs();
    }

    @Override
    public la.methc.engine.internal.tree.ParallelChildren parallelGroups() {
        return parallel == null ? null : parallel.groups();
    }

    @Override
    public void enter(SynthNode node) {
        hooks.enter(node);
    }

    /** RT, error path: {@code /error} now, before the {@code /node/ended} of the node, freed after the block. */
    @Override
    public void failed(SynthNode node, Throwable error) {
        tree.doom(node);
        events.error(EngineText.synthProcess(), node.id(), EngineText.synthThrew(node, error), null);
    }
}
