/**
 * The engine as an OSGi Declarative Services component: its options from ConfigAdmin, the command line and the
 * framework properties, the binding of SynthDef, ResourceDef and CommandDef services, and the wait for the plugins
 * present at start.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): NRT only, SCR's and the framework's threads.
 */
package la.methc.engine.internal.osgi;
