package la.methc.engine.internal.tree;

/**
 * Spreads a run of isolated synths over the render threads of an offline render (ADR 0006) or the DSP threads of
 * a real-time engine (ADR 0014); implemented in {@code la.methc.engine.internal.parallel}. RT.
 */
public interface IsolatedRuns {

    /**
     * Processes the run of isolated synths that starts at {@code first} (or only {@code first}, when the run is too
     * short to spread) and returns the node after it.
     */
    Node process(SynthNode first, BlockContext block);

    /**
     * After every block, with the tree's change count ({@link Node#treeChanges}): whatever is kept from the block's runs for the next blocks may be let
     * go of if the tree changed since, so that freed synths (and what they hold) are not kept alive by it.
     */
    default void blockDone(long treeChanges) {
    }
}
