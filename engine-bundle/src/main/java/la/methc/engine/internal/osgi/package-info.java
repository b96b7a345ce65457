/**
 * The engine as an OSGi Declarative Services component: its options from ConfigAdmin, the command line and the
 * framework properties, the binding of SynthDef, ResourceDef and CommandDef services, the wait for the plugins
 * present at start, and the shell's {@code methcla:} commands.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): NRT only, SCR's and the framework's threads, and Gogo's session
 * thread for the shell's commands.
 */
package la.methc.engine.internal.osgi;
