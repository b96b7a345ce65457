package la.methc.engine.internal.parallel;

import la.methc.engine.internal.tree.BlockContext;
import la.methc.engine.internal.tree.ChildPass;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;

/**
 * RT. The walks of the parallel groups processed in a block, kept for the next blocks while the tree does not change
 * ({@link Node#treeChanges}), as {@link RunCache} keeps runs: walking reads every synth's node and claims every bus it
 * maps, lines the threads that ran the children wrote in the last block, so walking each block would cost RT a cache
 * miss per synth and bus. A walk takes each synth below the group in tree order and begins it, finds the child it
 * belongs to and whether that child must run on RT, claims its buses ({@link ChildPass#claim}) and keeps, per synth,
 * which of its outputs go to buses several children write ({@link #shared}). Back to back, per group walked: its
 * synths from {@link #synthBase}, its children from {@link #childBase}.
 */
final class ChildWalks {

    /** The groups' synths, in tree order. */
    final SynthNode[] synths;
    /** Per synth: whether it plays (begun, neither inactive nor doomed). */
    final boolean[] plays;
    /** Per synth: bit i set when output i (below 64) goes to a bus several children write. */
    final long[] shared;
    /** Per synth: whether any of its outputs goes to a bus several children write (outputs from 64 on included). */
    final boolean[] mixes;
    /** Per child (and one past each group's last): where its synths start in {@link #synths}. */
    final int[] childStart;
    /** Per child: whether it must run on RT (a synth of it is not isolated). */
    final boolean[] onRt;

    private final Group[] groups;
    private final int[] synthBases;
    private final int[] childBases;
    private final int[] childCounts;
    private final int[] anyCounts;
    private final int[] rtCounts;
    /** Per group: the claim stamp its writes may ask {@code sharedIn}, or {@link #NO_CLAIM} after a conflict. */
    private final long[] claims;
    /** Groups kept, and the slots used up to here (they may hold nodes to let go of). */
    private int count;
    private int usedSynths;
    /** The tree's change count the kept groups were walked at; -1: walk them again. */
    private long changes = -1;
    /** The block the next group belongs to, and its index among that block's groups. */
    private long epoch = -1;
    private int index;
    private long stamp;

    /** A stamp no bus is claimed with: every write at once. */
    static final long NO_CLAIM = Long.MIN_VALUE + 1;

    /** NRT. Room for {@code capacity} nodes. */
    ChildWalks(int capacity) {
        synths = new SynthNode[capacity];
        plays = new boolean[capacity];
        shared = new long[capacity];
        mixes = new boolean[capacity];
        childStart = new int[2 * capacity + 1];
        onRt = new boolean[2 * capacity + 1];
        groups = new Group[capacity];
        synthBases = new int[capacity];
        childBases = new int[capacity];
        childCounts = new int[capacity];
        anyCounts = new int[capacity];
        rtCounts = new int[capacity];
        claims = new long[capacity];
    }

    /** RT. The index of {@code group}'s walk in this block: the one kept if the tree is unchanged, else a new one. */
    int walk(Group group, BlockContext block) {
        if (block.epoch() != epoch) {
            epoch = block.epoch();
            index = 0;
        }
        int k = index++;
        if (k < count && groups[k] == group && changes == group.treeChanges()) {
            return k;
        }
        long before = group.treeChanges();
        long s = ++stamp;
        int sBase = k == 0 ? 0 : synthBases[k - 1] + synthCount(k - 1);
        int cBase = k == 0 ? 0 : childBases[k - 1] + childCounts[k - 1] + 1;
        int n = sBase;
        int c = cBase;
        int any = 0;
        int rt = 0;
        boolean ok = true;
        boolean wide = false;
        for (Node child = group.head(); child != null; child = child.next()) {
            childStart[c] = n;
            boolean onRt = false;
            Group top = child.isGroup() ? (Group) child : null;
            for (Node x = child; x != null; x = top == null ? null : NodeTree.next(x, top)) {
                if (x.isGroup()) {
                    continue; // a group within a child, parallel or not, is part of that child
                }
                SynthNode node = (SynthNode) x;
                synths[n] = node;
                boolean p = node.begin(block);
                if (plays[n] != p) {
                    plays[n] = p; // written only when it changes: the threads reading it keep their cache line
                }
                n++;
                if (p) {
                    ok &= ChildPass.claim(node, s, c - cBase);
                    onRt |= !node.entry().isolated();
                    wide |= node.numAudioOutputs() > Long.SIZE;
                }
            }
            if (onRt) {
                rt++;
            } else {
                any++;
            }
            if (this.onRt[c] != onRt) {
                this.onRt[c] = onRt;
            }
            c++;
        }
        childStart[c] = n;
        long claim = ok ? s : NO_CLAIM;
        for (int i = sBase; i < n; i++) {
            long mask = plays[i] ? ChildPass.sharedOutputs(synths[i], claim) : 0;
            boolean m = mask != 0 || plays[i] && ChildPass.sharedBeyond(synths[i], claim);
            if (shared[i] != mask) {
                shared[i] = mask;
            }
            if (mixes[i] != m) {
                mixes[i] = m;
            }
        }
        groups[k] = group;
        synthBases[k] = sBase;
        childBases[k] = cBase;
        childCounts[k] = c - cBase;
        anyCounts[k] = any;
        rtCounts[k] = rt;
        claims[k] = claim;
        count = k + 1;
        for (int i = n; i < usedSynths; i++) {
            synths[i] = null; // freed synths are not held here
        }
        usedSynths = n;
        // kept only if the groups before were walked at the same count and nothing changed while walking; a synth
        // with more outputs than a mask has bits asks its buses' claims, which a later walk overwrites: not kept
        boolean same = k == 0 || changes == before;
        changes = same && !wide && group.treeChanges() == before ? before : -1;
        return k;
    }

    /**
     * RT, after a block: lets go of the kept walks if the tree changed since ({@code changes}: its count now), so that
     * freed synths and groups are not held here until some later parallel group is walked (as {@link RunCache}).
     */
    void letGoIfChanged(long changes) {
        if (count == 0 && usedSynths == 0 || changes == this.changes) {
            return;
        }
        for (int i = 0; i < usedSynths; i++) {
            synths[i] = null;
        }
        for (int k = 0; k < count; k++) {
            groups[k] = null;
        }
        usedSynths = 0;
        count = 0;
        this.changes = -1;
    }

    int synthBase(int k) {
        return synthBases[k];
    }

    int synthCount(int k) {
        return childStart[childBases[k] + childCounts[k]] - synthBases[k];
    }

    int childBase(int k) {
        return childBases[k];
    }

    int childCount(int k) {
        return childCounts[k];
    }

    int anyCount(int k) {
        return anyCounts[k];
    }

    int rtCount(int k) {
        return rtCounts[k];
    }

    /** The stamp the group's buses were claimed with, {@link #NO_CLAIM} when a child reads a bus a sibling writes. */
    long claim(int k) {
        return claims[k];
    }
}
