package la.methc.engine.internal.parallel;

import la.methc.api.World;
import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.tree.ChildPass;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.ParallelChildren;
import la.methc.engine.internal.tree.SynthNode;

/**
 * Runs the children of a parallel group as units on the DSP threads (or an offline render's threads). The steps of
 * the group's block, the same for any number of threads, so that the audio and the replies are the same bit for
 * bit: RT walks the group ({@link ChildWalks}, kept while the tree is unchanged: every synth below it begun, its
 * buses claimed for its child); each child runs on one thread, synth after synth in tree order, writing at once the
 * buses only it writes; the writes to buses several children write follow child by child in tree order, from a
 * mixing frontier, by the thread that ran the child when it can (from its own cache); last RT applies errors and
 * {@code synthDone} in tree order. The children are dealt to the threads in chunks and stripes as
 * {@link ParallelSynths} deals synths. A child with a synth that is not isolated runs on RT, before the others are
 * handed out. A block in which a bus is read by one child and written by another (the client broke the contract)
 * runs the children in order on RT, every write at once, as a plain group would, and is counted ({@link #conflicts}).
 * The threads are the engine's one {@link Team}, the helpers that also take the runs of isolated synths: the
 * children go out through the same hand-off. Allocation-free once started.
 */
public final class ParallelGroups extends FrontierMixing implements ParallelChildren, AutoCloseable {

    /** Children a thread takes at a time. */
    private static final int CHUNK = 4;

    private final ChildWalks walks;
    private final SynthNode[] synths;
    private final boolean[] plays;
    private final long[] shared;
    private final boolean[] mixes;
    private final int[] childStart;
    private final boolean[] onRt;
    /** The helpers and the hand-off; null with one thread (the children run on RT, one after the other). */
    private final Team team;
    private final IsolatedWorld rtWorld;
    private final DeferringWorld deferring;
    private final int parts;
    /** Per part, the chunks of children nobody has taken. */
    private final ChunkRanges cursors;
    /** Groups handed out, blocks in which RT waited for a helper and how long. */
    private final RunStats stats = new RunStats();
    private volatile long conflicts;
    /** Set by any thread whose synth left an error or synthDone; RT settles them after the group's block. */
    private volatile boolean toSettle;

    /* The group in process: written by RT while the team's generation is odd and no helper has entered, read after. */
    private int childBase;
    private long claim;
    private long epoch;
    private int blockSize;

    /**
     * NRT. {@code team}: the engine's helpers, shared with its {@link ParallelSynths} (null: RT alone);
     * {@code capacity}: the most nodes (the engine's maxNodes).
     */
    ParallelGroups(Team team, int capacity, World engine) {
        super(capacity, CHUNK);
        this.team = team;
        walks = new ChildWalks(capacity);
        synths = walks.synths;
        plays = walks.plays;
        shared = walks.shared;
        mixes = walks.mixes;
        childStart = walks.childStart;
        onRt = walks.onRt;
        rtWorld = new IsolatedWorld(engine);
        deferring = new DeferringWorld(engine);
        parts = team == null ? 1 : team.parts();
        cursors = new ChunkRanges(parts);
    }

    /** Any thread. Groups whose children went out to the helpers. */
    public long handedOut() {
        return stats.runs();
    }

    /** Any thread. Blocks of a parallel group in which RT waited for a helper, and the longest wait (ns). */
    public long waits() {
        return stats.waits();
    }

    public long longestWaitNanos() {
        return stats.longestWaitNanos();
    }

    /** Any thread. Blocks in which a parallel group's child read a bus a sibling wrote: they ran as a plain group. */
    public long conflicts() {
        return conflicts;
    }

    /** RT, after each block: the kept walks let go of freed nodes ({@link ChildWalks#letGoIfChanged}). */
    @Override
    public void blockDone(long treeChanges) {
        walks.letGoIfChanged(treeChanges);
    }

    /** RT. One block of {@code group} and everything below it. */
    @Override
    public void process(Group group, BlockContext block) {
        // helpers keep out of the fields below; with them shared, a straggler may still be in any last work
        boolean helped = team != null && !team.closed();
        long waited = helped ? team.keepOut() : 0;
        int k = walks.walk(group, block);
        childBase = walks.childBase(k);
        units = walks.childCount(k); // the children
        int children = units;
        claim = walks.claim(k);
        epoch = block.epoch();
        blockSize = block.blockSize();
        boolean ok = claim != ChildWalks.NO_CLAIM;
        if (!ok) {
            conflicts = conflicts + 1; // RT is the only writer
        }
        if (ok && helped && walks.anyCount(k) > 1) {
            waited += handOut(walks.rtCount(k) > 0, block);
        } else {
            // one thread, children in order: a child's writes to shared buses can go right after it, while its
            // outputs are in the cache (no later child reads those buses; the sums keep their order)
            for (int c = 0; c < children; c++) {
                runChild(c, rtWorld, block);
                mixChild(c);
            }
        }
        if (waited > 0) {
            stats.waited(waited);
        }
        if (toSettle) {
            // an error or synthDone left by a process (rare): in tree order, on RT
            toSettle = false;
            int from = walks.synthBase(k);
            for (int i = from; i < from + walks.synthCount(k); i++) {
                if (plays[i]) {
                    synths[i].settle(block);
                }
            }
        }
    }

    /**
     * RT: runs the children that must run on RT ({@code anyOnRt}), hands out the others, takes its part, and mixes
     * until the frontier has passed every child; returns how long it waited for the helpers.
     */
    private long handOut(boolean anyOnRt, BlockContext block) {
        int children = units;
        if (anyOnRt) {
            // before the hand-out: the chunks then hold only children done or any thread may run
            for (int c = 0; c < children; c++) {
                if (onRt[childBase + c]) {
                    runChild(c, rtWorld, block);
                }
            }
        }
        cursors.deal((children + CHUNK - 1) / CHUNK);
        frontier.reset();
        stats.handedOut();
        team.handOut(this);
        return rtShare(team.published(), rtWorld);
    }

    /**
     * RT (part 0) or a helper: its own part's chunks from the front, then what is left of the others from their
     * backs, skipping children RT ran before; the mix as {@link #afterChunk} says. Returns where the last
     * chunk it processed ends: a helper stays until that is mixed. As {@link ParallelSynths}' work, with children.
     */
    @Override
    int work(int part, long g, IsolatedWorld world) {
        int n = units;
        int base = childBase;
        int last = 0;
        int seen = IDLE;
        for (int k = 0; k < parts; k++) {
            int p = (part - k + parts) % parts;
            int ch;
            while ((ch = k == 0 ? cursors.takeFront(p) : cursors.takeBack(p)) >= 0) {
                int from = ch * CHUNK;
                int to = Math.min(n, from + CHUNK);
                for (int c = from; c < to; c++) {
                    if (!onRt[base + c]) {
                        runChild(c, world, null);
                    }
                }
                done(ch, g, part);
                last = Math.max(last, to);
                seen = afterChunk(ch, k > 0, cursors.closesStripe(ch), seen, g, part);
            }
        }
        return last;
    }

    /** Children {@code from} to {@code to}: their writes to shared buses, child by child. */
    @Override
    void mixRange(int from, int to) {
        for (int c = from; c < to; c++) {
            mixChild(c);
        }
    }

    /** Child {@code c}'s writes to the buses several children write, synth by synth in tree order. */
    private void mixChild(int c) {
        long e = epoch;
        int frames = blockSize;
        long s = claim;
        int end = childStart[childBase + c + 1];
        for (int i = childStart[childBase + c]; i < end; i++) {
            if (plays[i] && mixes[i]) {
                ChildPass.mixShared(synths[i], e, frames, shared[i], s);
            }
        }
    }

    /** Child {@code c}'s synths in tree order; {@code block} is null on a helper (its children are isolated). */
    private void runChild(int c, IsolatedWorld world, BlockContext block) {
        long e = epoch;
        int frames = blockSize;
        long s = claim;
        int end = childStart[childBase + c + 1];
        for (int i = childStart[childBase + c]; i < end; i++) {
            if (!plays[i]) {
                continue;
            }
            SynthNode node = synths[i];
            boolean settle;
            if (node.entry().isolated()) {
                world.enter(node);
                settle = ChildPass.process(node, world, e, frames, shared[i], s, mixes[i]);
                world.enter(null);
            } else {
                block.enter(node); // RT: the engine's World knows whose acquire it is
                deferring.enter(node);
                settle = ChildPass.process(node, deferring, e, frames, shared[i], s, mixes[i]);
                deferring.enter(null);
            }
            if (settle) {
                toSettle = true; // seen by RT after the chunk's done mark, a volatile write
            }
        }
    }

    /** NRT, before the team closes: says in the log how often RT waited for a helper or a group broke its contract. */
    @Override
    public void close() {
        ParallelText.logGroups(parts, stats.runs(), stats.waits(), stats.longestWaitNanos(), conflicts);
    }
}
