/**
 * The node tree: groups and synths (by any int id, in a preallocated {@link la.methc.engine.internal.tree.NodeMap}),
 * their ports, parameters and done flags, the snapshot {@code /group/queryTree} answers from, and how a run of
 * isolated synths is handed to the render or DSP threads ({@link la.methc.engine.internal.tree.IsolatedRuns},
 * implemented in {@code parallel}), as are the children of a parallel group
 * ({@link la.methc.engine.internal.tree.ParallelChildren}, the steps of each synth in
 * {@link la.methc.engine.internal.tree.ChildPass}). It reaches the engine only through
 * {@link la.methc.engine.internal.tree.BlockContext}.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT only, but a synth's construction and destruction (NRT) and
 * the render or DSP threads' share of a block.
 */
package la.methc.engine.internal.tree;
