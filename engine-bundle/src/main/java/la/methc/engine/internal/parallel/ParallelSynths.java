package la.methc.engine.internal.parallel;

import la.methc.api.World;
import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.tree.IsolatedRuns;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.SynthNode;

/**
 * Spreads the isolated synths of a group over the threads of an offline render (ADR 0006) or of a real-time
 * driver (ADR 0014). RT activates a run of isolated siblings (or finds it as it was, {@link RunCache}) and hands it
 * out in stripes ({@link ChunkRanges}); each thread processes its own part, then takes what is left of the others;
 * the outputs are mixed into the buses in tree order, so the audio is the same bit for bit, each chunk by the thread
 * that computed it, from its own cache. A run shorter than {@code minRun} stays on RT. RT waits for the helpers'
 * chunks and mixing (or a last work one has yet to leave): each such block is counted ({@link #waits}). The helpers
 * are its {@link Team}'s, which also runs the children of parallel groups ({@link ParallelGroups}).
 * Allocation-free once started. The steps: {@code docs/adr/0006-parallel-offline-render.md}, ADR 0014.
 */
public final class ParallelSynths extends FrontierMixing implements IsolatedRuns, AutoCloseable {

    /** Synths a thread takes at a time. */
    private static final int CHUNK = 8;

    /** The runs walked, kept while the tree is unchanged. */
    private final RunCache runs;
    private final SynthNode[] run;
    private final boolean[] plays;
    private final int parts;
    /** Below this many synths the hand-off costs more than it saves. */
    private final int minRun;
    /** The helpers, and the hand-off of each run to them. */
    private final Team team;
    private final IsolatedWorld rtWorld;
    /** Per part, the chunks nobody has taken: its own thread takes from the front, others from the back. */
    private final ChunkRanges cursors;
    /** Runs handed out, blocks in which RT waited for a helper and how long. */
    private final RunStats stats = new RunStats();

    /* The run handed out: written by RT while the team's generation is odd and no helper has entered, read after. */
    /** Where the run's synths start in {@link #run} and {@link #plays}. */
    private int base;
    private long epoch;
    private int blockSize;
    /** Set by any thread whose synth left an error or synthDone in this run; RT settles them after the mix. */
    private volatile boolean toSettle;

    /**
     * NRT. {@code threads} threads in all, RT included ({@code threads - 1} helpers, started here and named
     * {@code methcla-dsp-<i>} when {@code live}, else {@code methcla-render-<i>}); {@code capacity}: the most
     * synths in one run (the engine's node count); {@code minRun}: the shortest run spread over the threads;
     * {@code rtPriority}: the {@code SCHED_FIFO} priority live helpers ask for at their start (0: none).
     */
    public ParallelSynths(int threads, int capacity, int minRun, World engine, boolean live, int rtPriority) {
        super(capacity, CHUNK);
        if (threads < 2 || threads >= OWNERS) {
            throw new IllegalArgumentException(ParallelText.tooFewThreads(threads));
        }
        if (minRun < 2) {
            throw new IllegalArgumentException(ParallelText.runTooShort(minRun));
        }
        this.minRun = minRun;
        runs = new RunCache(capacity, minRun);
        run = runs.synths;
        plays = runs.plays;
        parts = threads;
        cursors = new ChunkRanges(parts);
        rtWorld = new IsolatedWorld(engine);
        team = new Team(threads, engine, live, rtPriority);
    }

    /** The helpers, for the other kinds of work RT hands them ({@link ParallelGroups}). */
    Team team() {
        return team;
    }

    /** Threads in all, RT included. */
    public int threads() {
        return parts;
    }

    /** Any thread. Runs handed out to the helpers. */
    public long runs() {
        return stats.runs();
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
        boolean closed = team.closed();
        int k = closed ? -1 : runs.find(first, block);
        if (k < 0) {
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
        }
        // helpers keep out; wait for any still inside the last work (it is all taken and done)
        long waited = team.keepOut();
        if (k < 0) {
            k = runs.walk(first, block); // each synth taken into the run and begun
        }
        int n = runs.count(k);
        Node node = runs.end(k);
        base = runs.start(k);
        units = n;
        epoch = block.epoch();
        blockSize = block.blockSize();
        cursors.deal((n + CHUNK - 1) / CHUNK);
        frontier.reset();
        stats.handedOut();
        team.handOut(this);
        // every thread mixes its stripes as the frontier reaches them, mostly while the others compute theirs
        waited += rtShare(team.published(), rtWorld);
        if (waited > 0) {
            stats.waited(waited);
        }
        if (toSettle) {
            // an error or synthDone left by a process (rare): in tree order, on RT
            toSettle = false;
            for (int i = base; i < base + n; i++) {
                if (plays[i]) {
                    run[i].settle(block);
                }
            }
        }
        return node;
    }

    /** RT, after each block: the kept runs let go of freed synths ({@link RunCache#letGoIfChanged}). */
    @Override
    public void blockDone(long treeChanges) {
        runs.letGoIfChanged(treeChanges);
    }

    /** Whether {@code node} is an isolated synth, one that may be part of a run. */
    static boolean isolatedSynth(Node node) {
        return node != null && !node.isGroup() && ((SynthNode) node).isolated();
    }

    /**
     * RT (part 0) or a helper (the others): its own part from the front, then what is left of the others from
     * their backs, the part before its own first, a chunk at a time; after each stripe of its own (and each chunk
     * taken from another), the mix as far as it may go ({@link #afterChunk}). So the thread that processes the stripe
     * at the frontier mostly mixes it at once, while its outputs are still in its cache. {@code g}: the run's
     * generation. Returns where the last chunk it processed ends: a helper stays until
     * that is mixed.
     */
    @Override
    int work(int part, long g, IsolatedWorld world) {
        long e = epoch;
        int frames = blockSize;
        int last = 0;
        int seen = IDLE;
        for (int k = 0; k < parts; k++) {
            int p = (part - k + parts) % parts;
            int c;
            while ((c = k == 0 ? cursors.takeFront(p) : cursors.takeBack(p)) >= 0) {
                int from = base + c * CHUNK;
                int to = base + Math.min(units, c * CHUNK + CHUNK);
                for (int i = from; i < to; i++) {
                    if (plays[i]) {
                        world.enter(run[i]);
                        if (run[i].processIsolated(world, e, frames)) {
                            toSettle = true; // seen by RT after the chunk's done mark, a volatile write
                        }
                        world.enter(null);
                    }
                }
                done(c, g, part);
                last = Math.max(last, to - base);
                seen = afterChunk(c, k > 0, cursors.closesStripe(c), seen, g, part);
            }
        }
        return last;
    }

    /** Synths {@code from} to {@code to} of the run, in tree order. */
    @Override
    void mixRange(int from, int to) {
        long e = epoch;
        int frames = blockSize;
        for (int i = base + from; i < base + to; i++) {
            if (plays[i]) {
                run[i].mix(e, frames);
            }
        }
    }

    /**
     * NRT. Stops the helpers and waits for them; later runs are processed on the calling thread. Logs how often RT
     * waited for a helper.
     */
    @Override
    public void close() {
        stats.log(parts);
        team.close();
    }
}
