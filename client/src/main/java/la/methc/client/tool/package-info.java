/**
 * {@code bin/methcla osc}: the small command-line OSC client the distribution ships, on the client library's
 * {@link la.methc.client.OscConnection}, run without Felix. Not exported: a tool, not an API.
 *
 * <p>Threads: its own main thread, and the connection's receive thread.
 */
package la.methc.client.tool;
