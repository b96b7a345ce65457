/**
 * {@code bin/methcla osc}: the small OSC client the distribution ships, run on the launcher's class path without
 * Felix.
 *
 * <p>Threads: its own main thread only; it shares nothing with a running engine.
 */
package la.methc.engine.tool;
