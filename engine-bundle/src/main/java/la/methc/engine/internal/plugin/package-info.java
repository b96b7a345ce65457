/**
 * Plugin commands (CommandDefs): the bound defs by OSC address, the command that dispatches a plan's task through
 * {@code performWithResources}, the order the tasks run in (one after the other, as scsynth's asynchronous
 * commands) and the replies they build.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): plans and commands are built on network threads, dispatched
 * on RT; tasks and their replies run on workers; defs come and go on SCR's threads.
 */
package la.methc.engine.internal.plugin;
