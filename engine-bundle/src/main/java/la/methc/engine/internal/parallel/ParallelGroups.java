package la.methc.engine.internal.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import la.methc.api.World;
import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.tree.ChildPass;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.ParallelChildren;
import la.methc.engine.internal.tree.SynthNode;

/**
 * Runs the children of a parallel group as units on the DSP threads (or an offline render's threads). The steps of
 * the group's block, the same for any number of threads, so that the audio and the replies are the same bit for
 * bit: RT begins (activates) every synth below the group in tree order and claims its buses for its child; each
 * child then runs on one thread, synth after synth in tree order, writing the buses only it writes at once; once all
 * are done (with one thread: after each child), RT writes the buses several children write, synth by synth in tree
 * order, then applies errors and {@code synthDone} in tree order. A child with a synth that is not isolated runs on RT, which takes its own
 * children first, then what the helpers left. A block in which a bus is read by one child and written by another
 * (the client broke the contract) runs the children in order on RT, every write at once, as a plain group would,
 * and is counted ({@link #conflicts}). The threads are the engine's one {@link Team}, the helpers that also take the
 * runs of isolated synths ({@link ParallelSynths}): the children go out through the same hand-off. Allocation-free
 * once started.
 */
public final class ParallelGroups implements ParallelChildren, AutoCloseable {

    /** Children a thread takes at a time. */
    private static final int CHUNK = 4;
    /** Ints between two parts' cursors: a cache line, so that threads don't share one. */
    private static final int STRIDE = 16;
    /** A stamp no bus is claimed with: every write at once. */
    private static final long NO_CLAIM = Long.MIN_VALUE + 1;

    private final SynthNode[] synths;
    private final boolean[] plays;
    /** Where child {@code c}'s synths start in {@link #synths} (child {@code children}: the end). */
    private final int[] childStart;
    /** The children helpers may take, and those RT runs itself. */
    private final int[] anyChildren;
    private final int[] rtChildren;
    /** The helpers and the hand-off; null with one thread (the children run on RT, one after the other). */
    private final Team team;
    /** What a helper does with a group's children: takes them a chunk at a time. */
    private final TeamWork helping = (part, g, world) -> work(part, world);
    private final IsolatedWorld rtWorld;
    private final DeferringWorld deferring;
    /**
     * Per part (thread) at {@code part * STRIDE}: its next child nobody took. A part goes to the same thread every
     * block, so its children's state and buses stay in that core's cache; a thread done with its own takes the rest.
     */
    private final AtomicIntegerArray cursors;
    private final AtomicInteger finished = new AtomicInteger();
    private final int parts;
    /** Groups handed out, blocks in which RT waited for a helper and how long. */
    private final RunStats stats = new RunStats();
    private volatile long conflicts;
    private long stamp;

    /* The group handed out: written by RT while the team's generation is odd and no helper has entered, read after. */
    private int anyCount;
    private long claim;
    private long epoch;
    private int blockSize;

    /**
     * NRT. {@code team}: the engine's helpers, shared with its {@link ParallelSynths} (null: RT alone);
     * {@code capacity}: the most nodes (the engine's maxNodes).
     */
    ParallelGroups(Team team, int capacity, World engine) {
        this.team = team;
        synths = new SynthNode[capacity];
        plays = new boolean[capacity];
        childStart = new int[capacity + 1];
        anyChildren = new int[capacity];
        rtChildren = new int[capacity];
        rtWorld = new IsolatedWorld(engine);
        deferring = new DeferringWorld(engine);
        parts = team == null ? 1 : team.parts();
        cursors = new AtomicIntegerArray(parts * STRIDE);
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

    /** RT. One block of {@code group} and everything below it. */
    @Override
    public void process(Group group, BlockContext block) {
        // helpers keep out of the fields below; with them shared, a straggler may still be in any last work
        boolean helped = team != null && !team.closed();
        long waited = helped ? team.keepOut() : 0;
        long s = ++stamp;
        int n = 0;
        int k = 0;
        int any = 0;
        int rt = 0;
        boolean ok = true;
        for (Node c = group.head(); c != null; c = c.next()) {
            childStart[k] = n;
            boolean onRt = false;
            Group top = c.isGroup() ? (Group) c : null;
            for (Node x = c; x != null; x = top == null ? null : NodeTree.next(x, top)) {
                if (x.isGroup()) {
                    continue; // a group within a child, parallel or not, is part of that child
                }
                SynthNode node = (SynthNode) x;
                synths[n] = node;
                boolean p = node.begin(block);
                if (plays[n] != p) {
                    plays[n] = p; // written only when it changes: the helpers reading it keep their cache line
                }
                n++;
                if (p) {
                    ok &= ChildPass.claim(node, s, k);
                    onRt |= !node.entry().isolated();
                }
            }
            if (onRt) {
                rtChildren[rt++] = k;
            } else {
                anyChildren[any++] = k;
            }
            k++;
        }
        childStart[k] = n;
        claim = ok ? s : NO_CLAIM;
        epoch = block.epoch();
        blockSize = block.blockSize();
        if (!ok) {
            conflicts = conflicts + 1; // RT is the only writer
        }
        boolean mixed = false;
        if (ok && helped && any > 1) {
            waited += handOut(any, rtChildren, rt, block);
        } else {
            // one thread, children in order: a child's writes to shared buses can go right after it, while its
            // outputs are in the cache (no later child reads those buses; the sums keep their order)
            for (int c = 0; c < k; c++) {
                runChild(c, rtWorld, block);
                mixChild(c);
            }
            mixed = true;
        }
        if (waited > 0) {
            stats.waited(waited);
        }
        // one pass: a synth's settle only marks nodes to free after the block, so the later mixes are the same
        for (int i = 0; i < n; i++) {
            if (plays[i]) {
                if (!mixed) {
                    ChildPass.mixShared(synths[i], epoch, blockSize, claim);
                }
                synths[i].settle(block);
            }
            synths[i] = null;
        }
    }

    /** RT: publishes the children, runs its own and what the helpers leave, waits for theirs; returns the wait. */
    private long handOut(int any, int[] own, int ownCount, BlockContext block) {
        anyCount = any;
        for (int p = 0; p < parts; p++) {
            cursors.set(p * STRIDE, start(p));
        }
        finished.set(0);
        stats.handedOut();
        team.handOut(helping);
        for (int i = 0; i < ownCount; i++) {
            runChild(own[i], rtWorld, block);
        }
        work(0, rtWorld);
        if (finished.get() == any) {
            return 0;
        }
        long since = System.nanoTime();
        while (finished.get() < any) {
            Thread.onSpinWait();
        }
        return System.nanoTime() - since;
    }

    /** RT: child {@code c}'s writes to the buses several children write, synth by synth in tree order. */
    private void mixChild(int c) {
        for (int i = childStart[c]; i < childStart[c + 1]; i++) {
            if (plays[i]) {
                ChildPass.mixShared(synths[i], epoch, blockSize, claim);
            }
        }
    }

    /** Where part {@code p} of the children helpers may take starts (part {@code parts}: their end). */
    private int start(int p) {
        return (int) ((long) anyCount * p / parts);
    }

    /** RT (part 0) or helper {@code part}: its own part first, then what is left of the others, a chunk at a time. */
    private void work(int part, IsolatedWorld world) {
        for (int k = 0; k < parts; k++) {
            int p = (part + k) % parts;
            int end = p + 1 == parts ? anyCount : start(p + 1);
            int from;
            while ((from = cursors.getAndAdd(p * STRIDE, CHUNK)) < end) {
                int to = Math.min(end, from + CHUNK);
                for (int j = from; j < to; j++) {
                    runChild(anyChildren[j], world, null);
                }
                finished.addAndGet(to - from);
            }
        }
    }

    /** Child {@code c}'s synths in tree order; {@code block} is null on a helper (its children are isolated). */
    private void runChild(int c, IsolatedWorld world, BlockContext block) {
        long e = epoch;
        int frames = blockSize;
        long s = claim;
        for (int i = childStart[c]; i < childStart[c + 1]; i++) {
            if (!plays[i]) {
                continue;
            }
            SynthNode node = synths[i];
            if (node.entry().isolated()) {
                world.enter(node);
                ChildPass.process(node, world, e, frames, s);
                world.enter(null);
            } else {
                block.enter(node); // RT: the engine's World knows whose acquire it is
                deferring.enter(node);
                ChildPass.process(node, deferring, e, frames, s);
                deferring.enter(null);
            }
        }
    }

    /** NRT, before the team closes: says in the log how often RT waited for a helper or a group broke its contract. */
    @Override
    public void close() {
        ParallelText.logGroups(parts, stats.runs(), stats.waits(), stats.longestWaitNanos(), conflicts);
    }
}
