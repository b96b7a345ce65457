/**
 * The commands RT performs: one class per OSC request (built and checked on a network thread, performed on RT
 * through {@link la.methc.engine.internal.command.RtContext}), the batch of a bundle, the scheduler that holds timed
 * ones, and the plumbing of plugin commands (CommandDefs: their order, jobs and replies).
 *
 * <p>Threads (see {@code la.methc.engine.internal}): constructors on network threads, {@code perform} and
 * {@code drop} on RT; {@code CommandJob} and {@code CommandOrder} also on workers.
 */
package la.methc.engine.internal.command;
