/**
 * The commands RT performs: one class per OSC request (built and checked on a network thread, performed on RT
 * through {@link la.methc.engine.internal.command.RtContext}), the batch of a bundle, the scheduler that holds
 * timed ones, and what a command that waits for Resources being made offers the engine's line of them
 * ({@link la.methc.engine.internal.command.AwaitsResources}). Plugin commands live in {@code plugin}.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): constructors on network threads, {@code perform} and
 * {@code drop} on RT.
 */
package la.methc.engine.internal.command;
