package la.methc.engine.internal.parallel;

import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.SynthNode;

/**
 * RT. The runs of isolated synths handed out in a block, kept for the next blocks while the tree does not change
 * ({@link Node#treeChanges}): walking a run reads every synth's node, and a node lies beside the outputs a DSP
 * thread wrote in the last block, so on this 2-core machine the walk alone took 40 to 300 µs a block at 4,000
 * voices, most of it waiting for cache lines from the other core. A run is walked again (each synth taken and
 * begun, {@link SynthNode#begin}) in the block after any change.
 */
final class RunCache {

    /** The runs' synths, back to back, in tree order. */
    final SynthNode[] synths;
    /** Per synth: whether it plays (begun, neither inactive nor doomed). */
    final boolean[] plays;
    private final SynthNode[] firsts;
    private final Node[] ends;
    private final int[] starts;
    private final int[] counts;
    /** Runs kept. */
    private int runs;
    /** Synths kept: the slots up to here may hold nodes to let go of. */
    private int used;
    /** The tree's change count the kept runs were walked at; -1: walk them again. */
    private long changes = -1;
    /** The block the next run belongs to, and its index among that block's runs. */
    private long epoch = -1;
    private int index;

    /** NRT. Room for {@code capacity} synths in runs of at least {@code minRun}. */
    RunCache(int capacity, int minRun) {
        synths = new SynthNode[capacity];
        plays = new boolean[capacity];
        int most = capacity / minRun + 1;
        firsts = new SynthNode[most];
        ends = new Node[most];
        starts = new int[most];
        counts = new int[most];
    }

    /**
     * RT. The next run of this block, if it is the one walked before from {@code first} and the tree has not
     * changed since: its index for {@link #start}, {@link #count} and {@link #end}; else -1.
     */
    int find(SynthNode first, BlockContext block) {
        if (block.epoch() != epoch) {
            epoch = block.epoch();
            index = 0;
        }
        int k = index;
        if (k < runs && firsts[k] == first && changes == first.treeChanges()) {
            index++;
            return k;
        }
        return -1;
    }

    /**
     * RT. Takes the run from {@code first} (at least {@code minRun} isolated synths, the caller looked) and begins
     * each synth, RT's part of activating it; keeps it as this block's next run and returns its index.
     */
    int walk(SynthNode first, BlockContext block) {
        int k = index++;
        long before = first.treeChanges();
        int base = k == 0 ? 0 : starts[k - 1] + counts[k - 1];
        int n = 0;
        Node node = first;
        while (base + n < synths.length && ParallelSynths.isolatedSynth(node)) {
            SynthNode s = (SynthNode) node;
            synths[base + n] = s;
            boolean p = s.begin(block);
            if (plays[base + n] != p) {
                plays[base + n] = p; // written only when it changes: the thread that reads it keeps its cache line
            }
            n++;
            node = node.next();
        }
        firsts[k] = first;
        ends[k] = node;
        starts[k] = base;
        counts[k] = n;
        runs = k + 1;
        for (int i = base + n; i < used; i++) {
            synths[i] = null; // freed synths are not held here
        }
        used = base + n;
        // kept only if the runs before were walked at the same count and nothing changed while walking (a synth
        // that fails to activate is doomed): else every run is walked again in the next block
        boolean same = k == 0 || changes == before;
        changes = same && first.treeChanges() == before ? before : -1;
        return k;
    }

    /**
     * RT, after a block: lets go of the kept runs if the tree changed since they were walked ({@code changes}: the
     * tree's count now), so that synths freed since are not held here until some later run is walked (a freed synth
     * may hold a large buffer's samples). The next run is walked anyway after a change.
     */
    void letGoIfChanged(long changes) {
        if (used == 0 || changes == this.changes) {
            return;
        }
        for (int i = 0; i < used; i++) {
            synths[i] = null;
        }
        for (int k = 0; k < runs; k++) {
            firsts[k] = null;
            ends[k] = null;
        }
        used = 0;
        runs = 0;
        this.changes = -1;
    }

    /** RT. Where run {@code k}'s synths start in {@link #synths}. */
    int start(int k) {
        return starts[k];
    }

    /** RT. Run {@code k}'s synths. */
    int count(int k) {
        return counts[k];
    }

    /** RT. The node after run {@code k}. */
    Node end(int k) {
        return ends[k];
    }
}
