package la.methc.engine.internal.tree;

/**
 * Runs the children of a parallel group, each a unit (a synth, or a group with everything in it), on the DSP
 * threads of a real-time engine or the render threads of an offline render, one after the other with one thread;
 * implemented in {@code la.methc.engine.internal.parallel}. RT.
 */
public interface ParallelChildren {

    /** RT. One block of {@code group}, a parallel group, and everything below it. */
    void process(Group group, BlockContext block);

    /** RT, after every block, with the tree's change count: as {@link IsolatedRuns#blockDone}. */
    default void blockDone(long treeChanges) {
    }
}
