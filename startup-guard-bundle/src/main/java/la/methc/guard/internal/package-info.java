/**
 * The startup guard: ends the process (status 2, with Felix's reason) when a bundle of the platform's own start
 * levels did not start, instead of leaving a server or a render waiting for ever.
 *
 * <p>Threads: the framework's event thread.
 */
package la.methc.guard.internal;
