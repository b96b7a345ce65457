package la.methc.engine.internal;

import com.illposed.osc.OSCPacket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.api.WorldCommand;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.DrainResources;
import la.methc.engine.internal.command.Scheduler;
import la.methc.engine.internal.driver.AudioCallback;
import la.methc.engine.internal.notify.Clients;
import la.methc.engine.internal.notify.EventChannel;
import la.methc.engine.internal.notify.Notifier;
import la.methc.engine.internal.notify.RtEvent;
import la.methc.engine.internal.notify.WorkerPool;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.HeldResources;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.tree.ParallelSynths;
import la.methc.engine.internal.tree.Buses;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthDefEntry;
import la.methc.engine.internal.tree.SynthNode;
import org.jctools.queues.MpscArrayQueue;

/**
 * The engine core: the RT block loop and the state only RT writes (node tree, buses, scheduler, Resource
 * slots), plus the queues that connect it to network, notifier and worker threads. Free of OSGi, so tests
 * drive it directly.
 *
 * <p>Block order (DESIGN.md): take due requests and scheduled commands, run worker → RT replies, process
 * the tree head to tail, zero unwritten outputs, advance the clock.
 *
 * <p>Resource holders: while a synth's attach, remap or detach runs, {@link #acquire} and {@link #release}
 * also record the hold in the synth's {@link HeldResources}, so the engine knows which synths hold a slot
 * (to free them when the slot's ResourceDef leaves) and can release what a synth forgot in detach. An
 * acquire anywhere else (in process, in a WorldCommand) is allowed but not tracked: such a Resource is
 * force-destroyed when its bundle leaves or the engine stops, whatever its refcount. A release in process
 * is matched against the synth's table too.
 *
 * <p>{@code /sync} and worker jobs: RT numbers the jobs it hands out (0, 1, 2, …) and gives each an
 * <em>origin</em>: its own number, or, when it is handed out while a worker's reply runs on RT (a construct
 * that comes back free-pending starts the destroy, a perform's release destroys a Resource freed meanwhile,
 * a plugin's WorldCommand hands out more work), the origin of the job that posted the reply. A
 * {@code /sync} decided when {@code n} jobs had been handed out is a barrier at {@code n}: it waits for every
 * job of origin below {@code n}, so for whole chains of work started before it, and for nothing started
 * after it. The notifier waits until the workers have no such job; then the sync comes back to RT, which
 * answers it unless its replies handed out more jobs of such an origin in the meantime (they are recorded in
 * a ring, {@link #FOLLOW_UPS}), in which case it goes back to the notifier. Work that waits on something
 * sent later (a freed Resource whose holder goes later) is not waited for.
 */
public final class Engine implements AudioCallback, World, Host, NodeTree.Listener, BlockContext {

    private static final int QUEUE_CAPACITY = 16384;
    /**
     * The most RT events one request (a message or a whole bundle) may need: a bundle that needs more can never
     * be answered at once and is refused whole on the network thread (ADR 0012). A {@code /synth/new} needs 2, a
     * query 1: at least 32,768 messages of any kind.
     */
    public static final int REQUEST_EVENTS = 65_536;
    /** How long an offline render waits for the notifier to give events back before it defers a request. */
    static final long OFFLINE_EVENT_PATIENCE_MS = 10_000;
    /** Events kept free for worker replies and {@code /sync} relays when RT takes requests, so those never starve. */
    static final int REPLY_MARGIN = 1024;
    /** Events a plugin's {@link WorldCommand} may take; what it takes beyond comes out of the margin. */
    static final int PLUGIN_REPLY_EVENTS = 16;
    /** Events of a node's life not asked for by a request: {@code /node/done}, a process {@code /error}, {@code /node/ended}. */
    static final int NODE_EVENTS = 3;
    /** Events of a Resource slot's life not asked for by a request: ready or error, its destroy job, destroyed. */
    static final int SLOT_EVENTS = 3;
    /** Follow-up jobs remembered for {@code /sync} (power of two); more since a check makes it wait again. */
    static final int FOLLOW_UPS = 4096;

    private final EngineOptions options;
    private final Clock clock;
    private final NodeTree tree;
    private final Buses buses;
    private final Scheduler scheduler = new Scheduler(QUEUE_CAPACITY);
    private final MpscArrayQueue<Command> requests = new MpscArrayQueue<>(QUEUE_CAPACITY);
    private final MpscArrayQueue<Command> replies = new MpscArrayQueue<>(QUEUE_CAPACITY);
    /**
     * Worker → RT: the results of the engine's own jobs (construct, destroy, perform). One job per slot and
     * {@link SlotPool#PERFORM_JOBS} dispatches at most are in flight, and the queue holds them all, so a worker
     * never waits to post a result and none is dropped.
     */
    private final MpscArrayQueue<Command> results;
    /** Events held back for what nodes, slots and perform dispatches may produce unasked (ADR 0012). RT reads. */
    private final int reserve;
    /** Events reserved for the commands waiting in the scheduler: they run, or are dropped, without asking again. RT. */
    private int scheduledEvents;
    /** Times RT left requests waiting because the event pool was short (back-pressure). RT writes. */
    private volatile long deferrals;
    private final EventChannel events;
    private final Clients clients = new Clients();
    private final WorkerPool workers;
    private final Notifier notifier;
    private final LoadMeter load;

    private long epoch;
    private long frameTime;
    /** Jobs handed out so far: the number of the next one. */
    private long submittedJobs;
    /** The origin of the worker reply running now on RT, {@link WorkerPool#NO_ORIGIN} outside one. */
    private long replyOrigin = WorkerPool.NO_ORIGIN;
    /** Follow-up jobs (origin below their own number), newest at {@code followUps - 1}: a preallocated ring. */
    private final long[] followUpJob = new long[FOLLOW_UPS];
    private final long[] followUpOrigin = new long[FOLLOW_UPS];
    private long followUps;
    private final java.util.concurrent.atomic.AtomicLong repliesPosted = new java.util.concurrent.atomic.AtomicLong();
    private long repliesRun;
    private final RtEvent[] syncs = new RtEvent[256];
    private int numSyncs;
    private SynthNode current;
    /** The render threads of an offline engine (null: everything on RT); set in start, before the driver. */
    private ParallelSynths parallel;
    /** The synth whose attach, remap or detach runs now: acquire and release record holds in it. RT. */
    private SynthNode holder;
    /** The holds taken outside any synth (in a plugin's WorldCommand): the engine is their holder. RT. */
    private final HeldResources engineHolds;
    private final SlotPool resources;
    private final SampleRoot sampleRoot;
    private volatile long blocksDone;
    /** RT-only: the block count when RT last took a request. */
    private long lastRequestBlock = Long.MIN_VALUE / 2;
    /** For this many blocks after a request RT looks for more between blocks (see {@link #between}). */
    private static final int ACTIVE_BLOCKS = 750;

    public Engine(EngineOptions options) {
        this.options = options;
        clock = new Clock(options.sampleRate(), options.offline());
        tree = new NodeTree(options.maxNodes(), this);
        buses = new Buses(options.blockSize(), options.internalBuses(), options.hardwareInputs(),
                options.hardwareOutputs());
        reserve = NODE_EVENTS * options.maxNodes() + SLOT_EVENTS * options.maxResources() + SlotPool.PERFORM_JOBS
                + 64;
        events = new EventChannel(reserve + REPLY_MARGIN + REQUEST_EVENTS);
        results = new MpscArrayQueue<>(options.maxResources() + SlotPool.PERFORM_JOBS + 64);
        workers = new WorkerPool(options.workerThreads(), QUEUE_CAPACITY, this);
        notifier = new Notifier(events, clients, workers, this,
                (client, id, barrier, handedOver) -> submitReply(new SyncedCommand(client, id, barrier, handedOver)));
        load = new LoadMeter(options.sampleRate(), options.blockSize());
        resources = new SlotPool(options.maxResources(), new ResourceEvents(), this::postResult);
        sampleRoot = new SampleRoot(options.sampleRoot());
        engineHolds = new HeldResources(2 * options.maxResources());
    }

    public EngineOptions options() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    public Clients clients() {
        return clients;
    }

    /** Starts the notifier and worker threads; the driver is started by the caller. */
    public void start() {
        if (options.offline() && options.renderThreads() > 1) {
            parallel = new ParallelSynths(options.renderThreads(), options.maxNodes(), options.renderMinRun(), this);
        }
        workers.start();
        notifier.start();
        clock.markStart();
    }

    /** Any thread. Replies and notifications RT could not send (the event pool was empty): 0 unless a plugin misbehaves. */
    public long lostEvents() {
        return events.lost();
    }

    /** Any thread. Warnings RT left out of the log to keep events for replies. */
    public long sparedWarnings() {
        return events.spared();
    }

    /** Any thread. Times requests waited for the event pool (back-pressure, not loss). */
    public long deferrals() {
        return deferrals;
    }

    /** Blocks processed so far (any thread). */
    public long blocksDone() {
        return blocksDone;
    }

    // ---------------------------------------------------------------- NRT entry points

    /** Network thread. Queues a request for RT; false when the queue is full. */
    public boolean submit(Command c) {
        return requests.offer(c);
    }

    /**
     * Network thread. Like {@link #submit}, but waits up to {@code timeoutMs} while the request queue is full (RT
     * takes requests more slowly than they come: back-pressure to the client, ADR 0012). False on timeout.
     */
    public boolean submit(Command c, long timeoutMs) {
        if (requests.offer(c)) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long park = 10_000;
        while (!requests.offer(c)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(park);
            park = Math.min(1_000_000, park * 2);
        }
        return true;
    }

    /** Worker thread. The result of one of the engine's own jobs; the queue has room for every one in flight. */
    private boolean postResult(WorldCommand result) {
        if (!results.offer(new WorldCommandAdapter(result, workers.currentOrigin()))) {
            return false;
        }
        repliesPosted.incrementAndGet();
        return true;
    }

    private boolean submitReply(Command c) {
        if (!replies.offer(c)) {
            return false;
        }
        repliesPosted.incrementAndGet();
        return true;
    }

    /**
     * NRT. Runs {@code rtWork} on RT and waits until RT and the notifier have handled it and everything it
     * caused, e.g. freeing nodes and destroying their synths. False on timeout (RT not running).
     */
    public boolean runAndWait(Command rtWork, long timeoutMs) {
        return runAndWait(rtWork, timeoutMs, false);
    }

    /**
     * Like {@link #runAndWait(Command, long)} when no driver runs any more (after an offline render): the
     * calling thread computes one silent block itself, as the RT thread would.
     */
    public boolean runStopped(Command rtWork, long timeoutMs) {
        return runAndWait(rtWork, timeoutMs, true);
    }

    private boolean runAndWait(Command rtWork, long timeoutMs, boolean stopped) {
        CountDownLatch done = new CountDownLatch(1);
        if (!submit(rtWork) || !submit(new LatchCommand(done))) {
            return false;
        }
        if (stopped) {
            process(new float[options.hardwareInputs()][options.blockSize()],
                    new float[options.hardwareOutputs()][options.blockSize()]);
        }
        try {
            return done.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** NRT. Frees every synth of {@code def} (its bundle is leaving) and waits until they are destroyed. */
    public boolean retire(SynthDefEntry def, long timeoutMs, boolean stopped) {
        def.retire();
        return runAndWait(new RetireCommand(def), timeoutMs, stopped);
    }

    /**
     * NRT. A ResourceDef's bundle is leaving: refuse new Resources of it (at once), free every synth holding
     * one of its slots (with {@code /node/ended}), wait for its perform dispatches and constructs, destroy its
     * live slots (with {@code /resource/destroyed}) and return once every body is destroyed, so the bundle's
     * classes stay valid until then. False when that took longer than {@code timeoutMs}.
     */
    public boolean retire(ResourceDefEntry def, long timeoutMs, boolean stopped) {
        def.retire();
        return drain(new DrainResources(def), d -> d.pending() == 0, timeoutMs, stopped);
    }

    /**
     * NRT. Runs {@code drain} on RT again and again until {@code done} holds (checked after each run) or
     * {@code timeoutMs} passed. {@code stopped}: no driver runs, the calling thread computes the blocks.
     */
    public boolean drain(DrainResources drain, Predicate<DrainResources> done, long timeoutMs, boolean stopped) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !runAndWait(drain, left, stopped)) {
                return false;
            }
            if (done.test(drain)) {
                return true;
            }
            if (stopped) {
                LockSupport.parkNanos(200_000); // let the workers run
            }
        }
    }

    /** Stops notifier and workers after they drained their queues. Call after the driver stopped. */
    public void close() {
        if (parallel != null) {
            parallel.close();
        }
        notifier.close();
        workers.close(2000);
    }

    /**
     * NRT, after {@link #close()}: the last step of shutdown, drops every slot's references.
     *
     * @return the slots still in use (their bodies were never destroyed)
     */
    public int tearDownResources() {
        return resources.tearDown();
    }

    // ---------------------------------------------------------------- RT: the block

    /** RT (driver thread): one block. */
    @Override
    public void process(float[][] inputs, float[][] outputs) {
        long t0 = System.nanoTime();
        epoch++;
        long blockEnd = frameTime + options.blockSize();
        buses.readHardwareInputs(inputs, epoch);
        runRequests(blockEnd);
        for (Command c = scheduler.pollDue(blockEnd); c != null; c = scheduler.pollDue(blockEnd)) {
            scheduledEvents -= c.events(); // reserved when it was scheduled
            run(c);
        }
        takeWorkerResults();
        tree.process(this);
        publishSyncs();
        current = null;
        buses.writeHardwareOutputs(outputs, epoch);
        frameTime = blockEnd;
        blocksDone++;
        load.record(System.nanoTime() - t0);
    }

    /**
     * RT thread. Runs the requests queued so far that are due before {@code blockEnd} (late ones too; a bundle's
     * command at its offset in the block that ends there) and schedules the later ones.
     */
    private void runRequests(long blockEnd) {
        for (Command c = requests.relaxedPeek(); c != null; c = requests.relaxedPeek()) {
            if (!admits(c.events(), REPLY_MARGIN)) {
                // the pool cannot hold all its replies now: it waits, and so do the requests behind it
                deferrals++;
                return;
            }
            requests.relaxedPoll();
            lastRequestBlock = blocksDone;
            if (c.time() != Command.NOW && c.time() >= blockEnd) {
                if (scheduler.add(c)) {
                    scheduledEvents += c.events();
                } else {
                    error(c.address(), -1, EngineText.schedulerFull(), c.client());
                    c.drop(this);
                }
            } else {
                run(c);
            }
        }
    }

    /**
     * RT. Whether the event pool can give {@code needed} events now and still hold the reserve, the events of the
     * scheduled commands and {@code margin} (ADR 0012).
     */
    private boolean admits(int needed, int margin) {
        if (events.available() - needed >= reserve + scheduledEvents + margin) {
            return true;
        }
        // offline nothing is late: wait for the notifier rather than let its pace decide the block (same file
        // every time); real time never waits here
        return options.offline() && awaitEvents(needed, margin);
    }

    /** The offline render thread: waits up to {@value #OFFLINE_EVENT_PATIENCE_MS} ms until the pool admits. */
    private boolean awaitEvents(int needed, int margin) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OFFLINE_EVENT_PATIENCE_MS);
        while (events.available() - needed < reserve + scheduledEvents + margin) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
        return true;
    }

    /** RT thread. Runs the worker → RT replies posted so far, then hands out again jobs that could not be. */
    private void takeWorkerResults() {
        runReplies();
        resources.retryPosts();
    }

    /** RT thread. Runs the worker → RT replies posted so far. */
    private void runReplies() {
        runResults();
        for (Command c = replies.relaxedPeek(); c != null; c = replies.relaxedPeek()) {
            if (!admits(c.events(), 0)) {
                return; // next block, or between blocks: the pool is short
            }
            replies.relaxedPoll();
            repliesRun++;
            // jobs handed out while a worker's reply runs continue that worker job's chain (see the class doc)
            replyOrigin = c instanceof WorldCommandAdapter a ? a.origin : WorkerPool.NO_ORIGIN;
            run(c);
            replyOrigin = WorkerPool.NO_ORIGIN;
        }
    }

    /** RT thread. Runs the results of the engine's own jobs; their events are in the reserve, so they never wait. */
    private void runResults() {
        for (Command c = results.relaxedPoll(); c != null; c = results.relaxedPoll()) {
            repliesRun++;
            replyOrigin = ((WorldCommandAdapter) c).origin;
            run(c);
            replyOrigin = WorkerPool.NO_ORIGIN;
        }
    }

    /**
     * RT thread. Whether the engine has no asynchronous work outstanding: every worker job RT handed out has
     * finished, every reply posted to RT has run, and no job waits to be handed out again. The same test
     * {@code /sync} makes at the end of a block. Allocation-free, lock-free, never blocks.
     */
    public boolean settled() {
        // completed first: a job posts its replies before it counts as completed
        return workers.completed() == submittedJobs && repliesPosted.get() == repliesRun
                && !resources.hasPendingPosts();
    }

    /**
     * RT thread, between two blocks; the offline driver only (a real-time driver never waits). One step
     * towards {@link #settled()}: once every worker job has finished, runs the replies they posted (they
     * would run at the start of the next block anyway, after its due commands; here they run before them,
     * so a Resource constructed in time is live for the next block's commands) and hands out again a job
     * that could not be handed out; these may start new jobs. Returns {@link #settled()}; the caller waits a
     * little and calls again while it is false. Allocation-free, lock-free, never blocks.
     */
    @Override
    public boolean settle() {
        if (workers.completed() != submittedJobs) {
            return false;
        }
        takeWorkerResults();
        return settled();
    }

    /**
     * RT thread, between two blocks of the dummy driver (or the javasound driver once its line is gone): runs the
     * requests that arrived since the block (they act on the next block exactly as they would at its start: a
     * command's offset counts from the next block's first frame), the replies workers posted, and answers the
     * {@code /sync}s that are settled. So a reply does not wait for the next block to start. Asks to be called again
     * soon while asynchronous work is outstanding or requests came in the last {@value #ACTIVE_BLOCKS} blocks; an
     * idle engine sleeps from one block to the next. Allocation-free, lock-free, never blocks.
     */
    @Override
    public boolean between() {
        runRequests(frameTime + options.blockSize());
        if (!settled()) {
            takeWorkerResults();
        }
        publishSyncs();
        return settled() && blocksDone - lastRequestBlock > ACTIVE_BLOCKS;
    }

    private void run(Command c) {
        // late commands run at once, at the block start
        long offset = c.time() == Command.NOW ? 0 : c.time() - frameTime;
        c.perform(this, offset > 0 ? (int) offset : 0);
    }

    // ---------------------------------------------------------------- RT: state for commands

    public NodeTree tree() {
        return tree;
    }

    public Buses buses() {
        return buses;
    }

    /** RT. The Resource slots. */
    public SlotPool resources() {
        return resources;
    }

    public long frameTime() {
        return frameTime;
    }

    /** RT. Answers {@code /error s:address i:id s:reason} to {@code client} (all notify clients if null). */
    public void error(String address, int id, String reason, Client client) {
        RtEvent e = events.obtain(RtEvent.Kind.ERROR);
        if (e != null) {
            e.address = address;
            e.id = id;
            e.reason = reason;
            e.client = client;
            events.publish(e);
        }
    }

    /** RT. Queues {@code /status.reply} for {@code client}. */
    public void status(Client client) {
        RtEvent e = events.obtain(RtEvent.Kind.STATUS);
        if (e != null) {
            e.client = client;
            e.synths = tree.numSynths();
            e.groups = tree.numGroups();
            e.resources = resources.liveCount();
            e.averageLoad = load.average();
            e.peakLoad = load.takePeak();
            e.lateBlocks = load.overruns();
            events.publish(e);
        }
    }

    /** RT. {@code /done s:address} to {@code client}. */
    public void done(Client client, String address) {
        RtEvent e = events.obtain(RtEvent.Kind.DONE);
        if (e != null) {
            e.client = client;
            e.address = address;
            events.publish(e);
        }
    }

    /** RT. Queues {@code /scheduler/info i:pending i:capacity} for {@code client}. */
    public void schedulerInfo(Client client) {
        RtEvent e = events.obtain(RtEvent.Kind.SCHEDULER_INFO);
        if (e != null) {
            e.client = client;
            e.id = scheduler.size();
            e.value = scheduler.capacity();
            events.publish(e);
        }
    }

    /** RT. Drops every scheduled command (not yet due), letting go of what it holds. */
    public void dropScheduled() {
        for (Command c = scheduler.poll(); c != null; c = scheduler.poll()) {
            scheduledEvents -= c.events();
            c.drop(this); // e.g. a /synth/new's synth, constructed already, is destroyed (its events were reserved)
        }
    }

    /**
     * RT. {@code /sync}. When every worker job RT handed out has finished and every reply they posted has
     * run, all effects of earlier requests are already queued for the notifier, so {@code /synced} can
     * follow at once. Otherwise the sync is a barrier at the number of jobs handed out: the notifier waits for
     * the jobs of origin below it and sends the sync through RT once more ({@link #synced}).
     */
    public void sync(Client client, int id) {
        RtEvent e = events.obtain(RtEvent.Kind.SYNC);
        if (e == null) {
            return;
        }
        e.client = client;
        e.id = id;
        if (numSyncs < syncs.length) {
            // decided at the end of the block: synths activated by earlier commands may still hand out work
            syncs[numSyncs++] = e;
        } else {
            e.sequence = submittedJobs; // more syncs than slots in one block: the barrier at this point
            events.publish(e);
        }
    }

    /** RT, at the end of the block. */
    private void publishSyncs() {
        if (numSyncs == 0) {
            return;
        }
        boolean settled = workers.completed() == submittedJobs && repliesPosted.get() == repliesRun
                && !resources.hasPendingPosts();
        for (int i = 0; i < numSyncs; i++) {
            RtEvent e = syncs[i];
            syncs[i] = null;
            e.kind = settled ? RtEvent.Kind.SYNCED : RtEvent.Kind.SYNC;
            e.sequence = submittedJobs;
            events.publish(e);
        }
        numSyncs = 0;
    }

    /**
     * RT. A {@code /sync} back from the notifier: no job of origin below {@code barrier} was queued or running
     * when it looked, and the replies those jobs posted have run (they were ahead of this one in the queue).
     * {@code /synced} follows, unless those replies handed out jobs of such an origin numbered
     * {@code handedOver} or above, or such a job still waits to be posted: then the sync waits again.
     */
    void synced(Client client, int id, long barrier, long handedOver) {
        // results posted before the relay may sit in the other queue: they come before the /synced
        runResults();
        RtEvent e = events.obtain(RtEvent.Kind.SYNCED);
        if (e == null) {
            return;
        }
        e.client = client;
        e.id = id;
        if (followUpSince(handedOver, barrier) || resources.hasPendingPostBefore(barrier)) {
            e.kind = RtEvent.Kind.SYNC;
            e.sequence = barrier;
        }
        events.publish(e);
    }

    /** RT. Whether a follow-up job numbered {@code from} or above has an origin below {@code barrier}. */
    private boolean followUpSince(long from, long barrier) {
        long oldest = Math.max(0, followUps - FOLLOW_UPS);
        for (long k = followUps - 1; k >= oldest; k--) {
            int i = (int) (k & (FOLLOW_UPS - 1));
            if (followUpJob[i] < from) {
                return false;
            }
            if (followUpOrigin[i] < barrier) {
                return true;
            }
        }
        // every follow-up the ring remembers is recent; if it forgot older ones, wait once more to be safe
        return followUps > FOLLOW_UPS;
    }

    /** RT. Queues {@code /resource/info} for slot {@code id} (in range) to {@code client}. */
    public void resourceInfo(Client client, int id) {
        RtEvent e = events.obtain(RtEvent.Kind.RESOURCE_INFO);
        if (e != null) {
            e.client = client;
            e.id = id;
            e.uri = resources.uri(id);
            e.state = resources.stateName(id);
            e.refcount = resources.refcount(id);
            events.publish(e);
        }
    }

    /** RT. Sends {@code packet} (built off RT) to {@code client}, in order with RT's other replies. */
    public void reply(Client client, OSCPacket packet) {
        publish(RtEvent.Kind.REPLY, client, 0, packet);
    }

    /** RT. A warning for the log, written by the notifier. An error path: {@code message} may be built. */
    public void warn(String message, Throwable cause) {
        // a log line, not a reply: it must not take events admitted work may need (counted when left out)
        RtEvent e = events.obtainSpare(RtEvent.Kind.WARNING, reserve + scheduledEvents + REPLY_MARGIN);
        if (e != null) {
            e.reason = message;
            e.payload = cause;
            events.publish(e);
        }
    }

    /** RT, error path. A WorldCommand threw (the text is in {@link EngineText}: no String constants here). */
    void commandThrew(WorldCommand command, Throwable t) {
        warn(EngineText.commandThrew(command), t);
    }

    // ---------------------------------------------------------------- RT: synth hooks

    /**
     * RT. Runs the synth's attach right after {@code /synth/new} linked it. If it throws, answers
     * {@code /error} for that command (reason: the exception's message), takes the synth out of the tree
     * without {@code /node/ended} (the client never had it), detaches it and discards it.
     *
     * @return whether the synth stays
     */
    public boolean attach(SynthNode node, Command cause) {
        SynthNode outer = current;
        holder = node;
        current = node;
        Throwable failure = null;
        try {
            node.synth().attach(this);
        } catch (Throwable t) {
            failure = t;
        }
        if (failure == null) {
            holder = null;
            current = outer;
            return true;
        }
        // error path: allocation is allowed
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        error(cause.address(), node.id(), reason, cause.client());
        tree.remove(node);
        detachHeld(node);
        current = outer;
        discard(node.synth());
        return false;
    }

    /**
     * RT. {@code /node/set i:id i:param i:resource-id} on a resource port: the synth re-binds it. A refusal
     * (false, or an exception) keeps the old binding and is logged as a warning by the notifier; the client
     * is not told (seed failure-mode table).
     */
    public void remap(SynthNode node, int port, int resourceId) {
        SynthNode outer = current;
        holder = node;
        current = node;
        resources.clearLastFailure();
        Object why = null;
        try {
            if (!node.synth().remap(this, port, resourceId)) {
                why = resources.lastFailure();
            }
        } catch (Throwable t) {
            why = t;
        }
        holder = null;
        current = outer;
        if (why != null) {
            RtEvent e = events.obtain(RtEvent.Kind.REMAP_FAILED);
            if (e != null) {
                e.id = node.id();
                e.address = node.def().uri();
                e.port = port;
                e.value = resourceId;
                e.payload = why;
                events.publish(e);
            }
        }
    }

    /** RT. The synth leaves the tree: its detach releases its Resources; the engine releases what is left. */
    private void detachHeld(SynthNode node) {
        SynthNode outer = current;
        holder = node;
        current = node;
        try {
            node.synth().detach(this);
        } catch (Throwable t) {
            warn(EngineText.detachThrew(node), t);
        }
        holder = null;
        current = outer;
        HeldResources held = node.held();
        if (held.size() > 0) {
            for (int i = 0; i < held.size(); i++) {
                warn(EngineText.leftHolding(node, held.id(i), held.count(i)), null);
            }
            resources.releaseAll(held);
        }
    }

    /** RT. Frees (with {@code /node/ended}) every synth that holds a slot of {@code def}; returns how many. */
    public int freeHolders(ResourceDefEntry def) {
        int freed = 0;
        for (int id = 0; id < tree.capacity(); id++) {
            if (tree.get(id) instanceof SynthNode s && resources.holdsAny(s.held(), def)) {
                tree.free(s, null);
                freed++;
            }
        }
        return freed;
    }

    /** RT. A synth that never entered the tree goes to the notifier to be destroyed. */
    public void discard(Synth synth) {
        RtEvent e = events.obtain(RtEvent.Kind.SYNTH_DISCARD);
        if (e != null) {
            e.payload = synth;
            events.publish(e);
        }
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

    // ---------------------------------------------------------------- NodeTree.Listener (RT)

    @Override
    public void nodeEnded(Node node, Object cause) {
        SynthNode synth = node.isGroup() ? null : (SynthNode) node;
        if (synth != null) {
            detachHeld(synth);
        }
        RtEvent e = events.obtain(RtEvent.Kind.NODE_ENDED);
        if (e != null) {
            e.client = (Client) cause;
            e.id = node.id();
            if (synth != null) {
                e.payload = synth.synth();
                e.uri = synth.entry().uri(); // names the synth in the /error should its destroy throw
            }
            events.publish(e);
        }
    }

    @Override
    public void nodeDone(Node node) {
        // once per node (NodeTree): one of its NODE_EVENTS
        publish(RtEvent.Kind.NODE_DONE, null, node.id(), null);
    }

    // ---------------------------------------------------------------- BlockContext (RT)

    @Override
    public World world() {
        return this;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public ParallelSynths parallel() {
        return parallel;
    }

    @Override
    public void enter(SynthNode node) {
        current = node;
    }

    /**
     * RT, error path (allocation allowed). A synth's activate or process threw: answer {@code /error} now, so
     * that it reaches the clients before the {@code /node/ended} of the node, which is freed after the block.
     */
    @Override
    public void failed(SynthNode node, Throwable error) {
        tree.doom(node);
        error(EngineText.synthProcess(), node.id(), EngineText.synthThrew(node, error), null);
    }

    // ---------------------------------------------------------------- World (RT)

    @Override
    public double sampleRate() {
        return options.sampleRate();
    }

    @Override
    public int blockSize() {
        return options.blockSize();
    }

    @Override
    public double currentTime() {
        return (double) frameTime / options.sampleRate();
    }

    @Override
    public void synthDone(Synth synth) {
        if (current != null && current.synth() == synth) {
            tree.done(current);
            return;
        }
        // called outside the synth's own process (e.g. from a WorldCommand): find its node
        for (int id = 0; id < tree.capacity(); id++) {
            Node n = tree.get(id);
            if (n instanceof SynthNode s && s.synth() == synth) {
                tree.done(s);
                return;
            }
        }
    }

    /** RT. A job handed out while a worker's reply runs continues that job's chain (see the class doc). */
    @Override
    public boolean performCommand(HostCommand command) {
        // a plugin's own job: not in the reserve, so it takes only what admitted work cannot need (false otherwise)
        if (events.available() <= reserve + scheduledEvents + REPLY_MARGIN) {
            return false;
        }
        return post(command, replyOrigin);
    }

    /**
     * RT. Hands {@code job} to a worker through the notifier, numbered {@link #submittedJobs}, with
     * {@code origin} (its own number when {@link WorkerPool#NO_ORIGIN}). False when the notifier's event pool
     * is empty.
     */
    private boolean post(HostCommand job, long origin) {
        RtEvent e = events.obtain(RtEvent.Kind.HOST_COMMAND);
        if (e == null) {
            return false;
        }
        long n = submittedJobs++;
        long o = origin == WorkerPool.NO_ORIGIN || origin > n ? n : origin;
        if (o < n) {
            int i = (int) (followUps++ & (FOLLOW_UPS - 1));
            followUpJob[i] = n;
            followUpOrigin[i] = o;
        }
        e.payload = job;
        e.sequence = o;
        e.job = n;
        events.publish(e);
        return true;
    }

    /** RT. The hold belongs to the synth whose hook or process runs, else to the engine (ADR 0012). */
    @Override
    public Object acquire(int id, String expectedUri) {
        return resources.acquire(id, expectedUri, holds());
    }

    /** RT. */
    @Override
    public ResourceStatus status(int id, String expectedUri) {
        return resources.inRange(id) ? resources.status(id, expectedUri, holds())
                : resources.status(id, expectedUri);
    }

    /** RT. Only a hold of the same holder is released; any other release is refused with a warning. */
    @Override
    public void release(int id) {
        resources.release(id, holds());
    }

    /** RT. The holder acquiring or releasing now: the synth in its attach, remap, detach or process, else the engine. */
    private HeldResources holds() {
        SynthNode n = holder != null ? holder : current;
        return n != null ? n.held() : engineHolds;
    }

    /** RT. */
    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        return resources.performWithResources(ids, writes, exclusive, perform);
    }

    /** The slot pool's view of the engine: jobs to workers, notifications and warnings to the notifier. RT. */
    private final class ResourceEvents implements SlotPool.Rt {
        @Override
        public boolean post(HostCommand job) {
            return Engine.this.post(job, replyOrigin);
        }

        @Override
        public boolean repost(HostCommand job, long origin) {
            return Engine.this.post(job, origin);
        }

        @Override
        public long pendingOrigin() {
            // below every barrier decided from now on (they are at submittedJobs or above)
            return replyOrigin != WorkerPool.NO_ORIGIN ? replyOrigin : submittedJobs - 1;
        }

        @Override
        public void ready(int id, Client client) {
            publish(RtEvent.Kind.RESOURCE_READY, client, id, null);
        }

        @Override
        public void failed(int id, String reason, Client client) {
            RtEvent e = events.obtain(RtEvent.Kind.RESOURCE_ERROR);
            if (e != null) {
                e.client = client;
                e.id = id;
                e.reason = reason;
                events.publish(e);
            }
        }

        @Override
        public void destroyed(int id, Client client) {
            publish(RtEvent.Kind.RESOURCE_DESTROYED, client, id, null);
        }

        @Override
        public void warn(String message) {
            Engine.this.warn(message, null);
        }
    }

    // ---------------------------------------------------------------- Host (NRT)

    /** NRT (a worker, or any thread). A reply from a worker job carries that job's origin. */
    @Override
    public boolean performCommand(WorldCommand command) {
        return submitReply(new WorldCommandAdapter(command, workers.currentOrigin()));
    }

    /** NRT. {@code path} confined to the sample root (option {@code sampleRoot}): see {@link SampleRoot}. */
    @Override
    public Path samplePath(String path) {
        return sampleRoot.resolve(path);
    }

    // ---------------------------------------------------------------- internal commands

    private static final class WorldCommandAdapter extends Command {
        private final WorldCommand command;
        /** The origin of the worker job that posted it, or {@link WorkerPool#NO_ORIGIN}. */
        final long origin;

        WorldCommandAdapter(WorldCommand command, long origin) {
            super("/world/perform", null);
            this.command = command;
            this.origin = origin;
        }

        /** Plugin commands: at most their share. The engine's own results run from {@code results}, unasked. */
        @Override
        public int events() {
            return PLUGIN_REPLY_EVENTS;
        }

        /** RT. A plugin's command must not throw; if it does, it must not take the RT loop down. */
        @Override
        public void perform(Engine rt, int offset) {
            try {
                command.perform(rt);
            } catch (Throwable t) {
                rt.commandThrew(command, t);
            }
        }
    }

    private static final class SyncedCommand extends Command {
        private final int id;
        private final long barrier;
        private final long handedOver;

        SyncedCommand(Client client, int id, long barrier, long handedOver) {
            super("/sync", client);
            this.id = id;
            this.barrier = barrier;
            this.handedOver = handedOver;
        }

        /** RT. */
        @Override
        public void perform(Engine rt, int offset) {
            rt.synced(client(), id, barrier, handedOver);
        }
    }

    private static final class LatchCommand extends Command {
        private final CountDownLatch latch;

        LatchCommand(CountDownLatch latch) {
            super("/latch", null);
            this.latch = latch;
        }

        @Override
        public void perform(Engine rt, int offset) {
            rt.publish(RtEvent.Kind.LATCH, null, 0, latch);
        }
    }

    private static final class RetireCommand extends Command {
        private final SynthDefEntry def;

        RetireCommand(SynthDefEntry def) {
            super("/retire", null);
            this.def = def;
        }

        @Override
        public void perform(Engine rt, int offset) {
            NodeTree t = rt.tree();
            for (int id = 0; id < t.capacity(); id++) {
                if (t.get(id) instanceof SynthNode s && s.entry() == def) {
                    t.free(s, null);
                }
            }
        }
    }

    /** Frees every node but the root and drops scheduled commands: the first step of shutdown. */
    public static FreeAll freeAll() {
        return new FreeAll();
    }

    /** See {@link #freeAll()}; {@link #freed()} says how many nodes it freed once it ran. */
    public static final class FreeAll extends Command {
        private int freed;

        FreeAll() {
            super("/shutdown", null);
        }

        @Override
        public void perform(Engine rt, int offset) {
            rt.dropScheduled();
            freed = rt.tree().numSynths() + rt.tree().numGroups() - 1;
            rt.tree().freeChildren(rt.tree().root(), null);
        }

        /** Read after the command ran (the latch of runAndWait orders it). */
        public int freed() {
            return freed;
        }
    }
}
