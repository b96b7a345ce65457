package la.methc.engine.internal.parallel;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import la.methc.api.World;
import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.tree.IsolatedRuns;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.sched.RealtimePriority;
import la.methc.engine.internal.tree.SynthNode;

/**
 * Spreads the isolated synths of a group over the threads of an offline render (ADR 0006) or of a real-time
 * driver (ADR 0014). RT activates a run of isolated siblings and hands it out; each thread processes its own
 * part, then takes what is left of the others; the outputs are mixed into the buses in tree order, so the audio
 * is the same bit for bit. A run shorter than {@code minRun} stays on RT. RT waits for a helper only for the chunk
 * it is processing (or a last run it has yet to leave): each such block is counted ({@link #waits}).
 * Allocation-free once started. The steps: {@code docs/adr/0006-parallel-offline-render.md}.
 */
public final class ParallelSynths implements IsolatedRuns, AutoCloseable {

    /** Synths a thread takes at a time. */
    private static final int CHUNK = 8;
    /** For {@link #mix}: any chunk, whoever processed it. */
    private static final int ANY = -1;
    /** More than the most threads: a chunk's done mark holds its processor's part below this. */
    private static final int OWNERS = 1024;
    /** How long a helper spins for the next run before it parks (a second run in the same block, or offline). */
    private static final long SPIN_NANOS = 200_000;
    /**
     * How long before the next block's run is due a helper parked between blocks wakes to spin for it: a parked
     * thread woken by RT's unpark comes too late to take part (tens to hundreds of µs on this machine).
     */
    private static final long LEAD_NANOS = 150_000;
    /** Runs further apart than this are not taken for a block period: the helper parks until RT wakes it. */
    private static final long MAX_PERIOD_NANOS = 50_000_000;

    private final SynthNode[] run;
    private final boolean[] plays;
    private final int parts;
    /** Below this many synths the hand-off costs more than it saves. */
    private final int minRun;
    private final Helper[] helpers;
    private final IsolatedWorld rtWorld;
    /** Per part, the chunks nobody has taken: its own thread takes from the front, others from the back. */
    private final ChunkRanges cursors;
    /**
     * Per chunk of {@link #CHUNK} synths (chunk {@code i / CHUNK}): the generation in which it was processed, times
     * {@link #OWNERS}, plus the part of the thread that processed it.
     */
    private final AtomicLongArray chunkDone;
    /** Synths mixed so far, in tree order: the mixing frontier. Moved by whoever holds {@link #mixing}. */
    private volatile int mixedUpTo;
    /** 1 while a thread mixes: one at a time, so that the buses get the outputs in tree order. */
    private final AtomicInteger mixing = new AtomicInteger();
    /**
     * A sequence lock over the run's fields: even, a run is out (helpers may take part); odd, RT is filling in
     * the next one. RT's own copy is {@link #published}.
     */
    private volatile long generation;
    private long published;
    private volatile boolean closed;
    /** Runs handed out, blocks in which RT waited for a helper and how long. */
    private final RunStats stats = new RunStats();

    /* The run handed out: written by RT while the generation is odd and no helper has entered, read after. */
    private int count;
    private long epoch;
    private int blockSize;
    /** Set by any thread whose synth left an error or synthDone in this run; RT settles them after the mix. */
    private volatile boolean toSettle;
    /** When RT handed the run out ({@link System#nanoTime}): helpers time their wake-up for the next one. */
    private long publishedAt;

    /**
     * NRT. {@code threads} threads in all, RT included ({@code threads - 1} helpers, started here and named
     * {@code methcla-dsp-<i>} when {@code live}, else {@code methcla-render-<i>}); {@code capacity}: the most
     * synths in one run (the engine's node count); {@code minRun}: the shortest run spread over the threads;
     * {@code rtPriority}: the {@code SCHED_FIFO} priority live helpers ask for at their start (0: none).
     */
    public ParallelSynths(int threads, int capacity, int minRun, World engine, boolean live, int rtPriority) {
        if (threads < 2 || threads >= OWNERS) {
            throw new IllegalArgumentException(ParallelText.tooFewThreads(threads));
        }
        if (minRun < 2) {
            throw new IllegalArgumentException(ParallelText.runTooShort(minRun));
        }
        this.minRun = minRun;
        run = new SynthNode[capacity];
        plays = new boolean[capacity];
        parts = threads;
        cursors = new ChunkRanges(parts);
        chunkDone = new AtomicLongArray(capacity / CHUNK + 1);
        rtWorld = new IsolatedWorld(engine);
        helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1, engine, ParallelText.helperName(live, i + 1),
                    new RealtimePriority(live ? rtPriority : 0));
            helpers[i].start();
        }
    }

    /** Threads in all, RT included. */
    public int threads() {
        return parts;
    }

    /** Any thread. Blocks in which RT waited for a helper still at a chunk, or still inside the last run. */
    public long waits() {
        return stats.waits();
    }

    /** Any thread. The longest of those waits, in nanoseconds. */
    public long longestWaitNanos() {
        return stats.longestWaitNanos();
    }

    /**
     * RT. Processes the run that starts at {@code first} (an isolated synth) and returns the node after it.
     * After {@link #close} (or for a short run) the synths run one by one on the calling thread, as usual.
     */
    @Override
    public Node process(SynthNode first, BlockContext block) {
        // a run worth spreading? look at most minRun synths ahead: the whole run is walked once, below
        int n = 0;
        Node end = first;
        while (n < minRun && isolatedSynth(end)) {
            n++;
            end = end.next();
        }
        if (n < minRun || closed) {
            // one by one, as in a group without render threads: no hand-off, since a helper still inside the
            // last run finds all of it taken and touches no synth
            for (Node node = first; node != end; node = node.next()) {
                ((SynthNode) node).process(block);
            }
            return end;
        }
        // odd: helpers keep out; wait for any still inside the last run (it is all taken and mixed)
        generation = published + 1;
        long waited = 0;
        for (Helper h : helpers) {
            if (h.entered != 0) {
                long since = System.nanoTime();
                while (h.entered != 0) {
                    Thread.onSpinWait();
                }
                waited += System.nanoTime() - since;
            }
        }
        // one walk: each synth taken into the run and begun (RT's part of activating it)
        n = 0;
        Node node = first;
        while (n < run.length && isolatedSynth(node)) {
            SynthNode s = (SynthNode) node;
            run[n] = s;
            boolean p = s.begin(block);
            if (plays[n] != p) {
                plays[n] = p; // written only when it changes: the thread that reads it keeps its cache line
            }
            n++;
            node = node.next();
        }
        count = n;
        epoch = block.epoch();
        blockSize = block.blockSize();
        for (int p = 0; p < parts; p++) {
            long front = start(p) / CHUNK;
            long back = (p + 1 == parts ? (count + CHUNK - 1) / CHUNK : start(p + 1) / CHUNK);
            cursors.set(p, front, back);
        }
        mixedUpTo = 0;
        publishedAt = System.nanoTime();
        stats.handedOut();
        published += 2;
        generation = published;
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h);
            }
        }
        // RT takes the first part and mixes it as it goes; each helper mixes its own part once the frontier reaches
        // it, while its outputs are in its cache, most of it while others still compute
        work(0, rtWorld);
        // whatever is still unmixed: RT mixes it, or waits for the thread at it
        while (mixedUpTo < n && mix(ANY)) {
            // mixed what was processed: look again
        }
        if (mixedUpTo < n) {
            // every chunk is taken: a helper is still at one, or mixing
            long since = System.nanoTime();
            while (mixedUpTo < n) {
                if (!mix(ANY)) {
                    Thread.onSpinWait();
                }
            }
            waited += System.nanoTime() - since;
        }
        if (waited > 0) {
            stats.waited(waited);
        }
        if (toSettle) {
            // an error or synthDone left by a process (rare): in tree order, on RT
            toSettle = false;
            for (int i = 0; i < n; i++) {
                if (plays[i]) {
                    run[i].settle(block);
                }
            }
        }
        Arrays.fill(run, 0, n, null);
        return node;
    }

    /** Whether {@code node} is an isolated synth, one that may be part of a run. */
    private static boolean isolatedSynth(Node node) {
        return node != null && !node.isGroup() && ((SynthNode) node).isolated();
    }

    /** Where part {@code p} of the run starts (part {@code parts} is its end). Parts start on a chunk. */
    private int start(int p) {
        return (int) ((long) count * p / parts / CHUNK * CHUNK);
    }

    /**
     * RT (part 0) or a helper (the others): its own part from the front, then what is left of the others from
     * their backs, the part before its own first, a chunk at a time; after each chunk, the mix as far as it may go.
     * So each thread's chunks lie in few stretches, and the thread that processes the chunk at the frontier mostly
     * mixes it at once, while its outputs are still in its cache.
     */
    private void work(int part, IsolatedWorld world) {
        long g = published;
        long e = epoch;
        int frames = blockSize;
        for (int k = 0; k < parts; k++) {
            int p = (part - k + parts) % parts;
            int c;
            while ((c = k == 0 ? cursors.takeFront(p) : cursors.takeBack(p)) >= 0) {
                int from = c * CHUNK;
                int to = Math.min(count, from + CHUNK);
                for (int i = from; i < to; i++) {
                    if (plays[i]) {
                        world.enter(run[i]);
                        if (run[i].processIsolated(world, e, frames)) {
                            toSettle = true; // seen by RT after the chunk's done mark, a volatile write
                        }
                        world.enter(null);
                    }
                }
                chunkDone.set(c, g * OWNERS + part);
                mix(part);
            }
        }
    }

    /**
     * The thread of {@code part}: mixes the chunks from the frontier on that it processed, unless another thread is
     * at it; {@link #ANY}: RT, once it has nothing left to compute, mixes any chunk processed. So outputs are mixed in
     * the cache they were computed in, unless RT would otherwise wait. False when it mixed nothing.
     */
    private boolean mix(int part) {
        boolean any = false;
        long g = published;
        int n = count;
        // the frontier's chunk may finish just as we let go: look again
        while (mixedUpTo < n && mixable(mixedUpTo / CHUNK, g, part) && mixing.compareAndSet(0, 1)) {
            int i = mixedUpTo;
            long e = epoch;
            int frames = blockSize;
            while (i < n && mixable(i / CHUNK, g, part)) {
                int to = Math.min(n, i + CHUNK);
                for (; i < to; i++) {
                    if (plays[i]) {
                        run[i].mix(e, frames);
                    }
                }
                mixedUpTo = i;
            }
            mixing.set(0);
            any = true;
        }
        return any;
    }

    /** Whether the thread of {@code part} may mix chunk {@code c} in generation {@code g}. */
    private boolean mixable(int c, long g, int part) {
        long done = chunkDone.get(c);
        return done / OWNERS == g && (part == ANY || done % OWNERS == part);
    }

    /**
     * NRT. Stops the helpers and waits for them; later runs are processed on the calling thread. Logs how often RT
     * waited for a helper.
     */
    @Override
    public void close() {
        stats.log(parts);
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h);
        }
        for (Helper h : helpers) {
            try {
                h.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Helper extends Thread {

        private final int part;
        private final World engine;
        private final RealtimePriority priority;
        /** The generation this helper works in, 0 outside (RT waits for 0 before it fills in a run). */
        volatile long entered;
        volatile boolean parked;

        Helper(int part, World engine, String name, RealtimePriority priority) {
            super(name);
            this.part = part;
            this.engine = engine;
            this.priority = priority;
            setDaemon(true);
        }

        /**
         * A helper thread: takes part in each run RT hands out. Between runs it spins a little (the next run may
         * follow in the same block), then parks until just before the next block's run is due, judged from the
         * time between runs, and spins for it; when no run came, it parks until RT hands one out.
         */
        @Override
        public void run() {
            if (priority.priority() > 0) {
                ParallelText.applyPriority(priority);
            }
            // made here, in this thread's own allocation buffer: no cache line shared with RT's world
            IsolatedWorld world = new IsolatedWorld(engine);
            long seen = 0;
            long idleSince = System.nanoTime();
            long lastAt = 0;
            long period = 0;
            long expected = 0; // when the next block's run is due; 0: not known
            while (!closed) {
                long g = generation;
                if ((g & 1) == 0 && g != seen) {
                    entered = g;
                    // RT reads entered after making the generation odd, we read the generation after entering
                    if (generation == g) {
                        work(part, world);
                    }
                    long at = publishedAt; // written before the generation we read: this run's
                    entered = 0;
                    seen = g;
                    if (at - lastAt > SPIN_NANOS) { // not a second run in the same block
                        period = at - lastAt;
                    }
                    lastAt = at;
                    expected = period > 0 && period < MAX_PERIOD_NANOS ? at + period : 0;
                    idleSince = System.nanoTime();
                    continue;
                }
                long now = System.nanoTime();
                if (now - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (expected != 0 && now - expected < SPIN_NANOS) {
                    long early = expected - LEAD_NANOS - now;
                    if (early > 0) {
                        park(g, early);
                    } else {
                        Thread.onSpinWait(); // the run is due: wait for it, up to SPIN_NANOS past due
                    }
                } else {
                    expected = 0; // no run came when due: RT wakes us for the next
                    park(g, 0);
                }
            }
        }

        /** Parks for {@code nanos} (0: until unparked) unless a run newer than {@code g} is out. */
        private void park(long g, long nanos) {
            parked = true;
            // RT reads parked after publishing a generation: one of us sees the other
            if (generation == g && !closed) {
                if (nanos > 0) {
                    LockSupport.parkNanos(this, nanos);
                } else {
                    LockSupport.park(this);
                }
            }
            parked = false;
        }
    }
}
