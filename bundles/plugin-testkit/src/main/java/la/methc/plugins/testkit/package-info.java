/**
 * The plugins' test kit: runs a Synth for N blocks on rendered input without an engine, with a fake World holding
 * Resources, for plugins' unit tests.
 *
 * <p>Threads: the test's own; it stands in for the RT thread.
 */
package la.methc.plugins.testkit;
