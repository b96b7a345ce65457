package la.methc.engine.internal.tree;

import la.methc.api.World;

/** What a node needs while the RT thread processes one block. */
public interface BlockContext {

    World world();

    /** Increments once per block; buses compare it with their own epoch. */
    long epoch();

    int blockSize();

    /** RT. The synth about to run, so {@link World#synthDone} knows its node. */
    void enter(SynthNode node);

    /** The render or DSP threads for runs of isolated synths, or null: everything on RT. */
    default IsolatedRuns parallel() {
        return null;
    }

    /** What runs the children of parallel groups, or null: they run head to tail as in a plain group. */
    default ParallelChildren parallelGroups() {
        return null;
    }

    /** RT. The synth threw from activate or process: the engine frees it after the block. */
    void failed(SynthNode node, Throwable error);
}
