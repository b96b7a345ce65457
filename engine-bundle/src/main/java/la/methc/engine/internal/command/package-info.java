/**
 * The commands RT performs: one class per OSC request (built and checked on a network thread, performed on RT
 * through {@link la.methc.engine.internal.command.RtContext}), the batch of a bundle, and the scheduler that holds
 * timed ones. Plugin commands live in {@code plugin}.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): constructors on network threads, {@code perform} and
 * {@code drop} on RT.
 */
package la.methc.engine.internal.command;
