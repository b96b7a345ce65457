/**
 * The node tree (groups and synths, done flags) and the helpers that spread isolated synths over the render threads
 * of an offline render (ADR 0006), which need the synths' insides. It reaches the engine only through
 * {@link la.methc.engine.internal.tree.BlockContext}.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT only, but a synth's construction and destruction (NRT) and
 * the render threads' share of a block.
 */
package la.methc.engine.internal.tree;
