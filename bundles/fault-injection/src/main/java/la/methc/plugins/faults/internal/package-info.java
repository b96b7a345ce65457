/**
 * Test-only plugins that fail on purpose, one per fault the engine must survive (FaultInjectionIT) or
 * {@code bin/methcla check-plugin} must report (CheckPluginIT): throwing or returning null in construct, process,
 * destroy, worker jobs and ResourceDefs; NaN output; allocation in process.
 *
 * <p>Threads (see la.methc.api): whichever thread each fault is meant to hit.
 */
package la.methc.plugins.faults.internal;
