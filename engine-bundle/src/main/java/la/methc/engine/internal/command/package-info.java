/**
 * The commands RT performs: one class per OSC request (built and checked on a network thread, performed on RT
 * through {@link la.methc.engine.internal.command.RtContext}), the batch of a bundle, the scheduler that holds
 * timed ones, and what a command that waits for Resources being made offers the engine's line of them
 * ({@link la.methc.engine.internal.command.AwaitsResources}). Plugin commands live in {@code plugin}.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): constructors on network threads, {@code perform} and
 * {@code drop} on RT. Their addresses and error texts live in the cold {@code …Text} helpers: no other class here
 * may hold a String constant, which a C2 compile asked for on RT would resolve (allocate) there
 * ({@code RtStringConstantsTest} checks every class of the package).
 */
package la.methc.engine.internal.command;
