/**
 * The plugins' test kit, for the unit tests of this project's plugins and third parties' alike: {@link
 * la.methc.plugins.testkit.BlockRunner} runs a Synth for N blocks on rendered input without an engine, with a fake
 * World holding Resources, and control changes at given blocks ({@link la.methc.plugins.testkit.ControlChanges});
 * {@link la.methc.plugins.testkit.SynthChecks} asserts the RT contract in one call (process allocates nothing; an
 * isolated() def gives the same output on two threads); {@link la.methc.plugins.testkit.Signals} measures output.
 * It needs no test framework: checks throw {@link java.lang.AssertionError}.
 *
 * <p>Threads: a BlockRunner is used by one thread at a time, the test's, standing in for the RT thread. The checks
 * of SynthChecks and {@link la.methc.plugins.testkit.RtAllocation} are called from the test's thread and run the
 * synths on threads of their own, waiting for them; Signals and TestHost may be used from any thread.
 */
package la.methc.plugins.testkit;
