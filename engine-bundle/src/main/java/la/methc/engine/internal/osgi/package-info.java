/**
 * The engine as an OSGi Declarative Services component: its options from ConfigAdmin, the command line and the
 * framework properties, the binding of SynthDef, ResourceDef and CommandDef services, the wait for the plugins
 * present at start, a render's start of only the plugins its score names (the render cache's plugin index, ADR 0018),
 * and the shell's {@code methcla:} commands.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): NRT only, SCR's and the framework's threads, the render thread
 * before a render (the plugins' wait and start), and Gogo's session thread for the shell's commands.
 */
package la.methc.engine.internal.osgi;
