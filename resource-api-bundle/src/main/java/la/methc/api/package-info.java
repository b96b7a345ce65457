/**
 * The Methcla/J plugin API: what a bundle implements to add synth definitions to the engine.
 *
 * <p>Threads are part of the contract. Each method says where it runs:
 * <ul>
 *   <li><b>RT</b>: the real-time audio thread. No allocation, lock, blocking call, logging or exception.</li>
 *   <li><b>NRT</b>: a network or worker thread. May allocate and block.</li>
 * </ul>
 * A plugin registers its {@link la.methc.api.SynthDef} as an OSGi service (Declarative Services);
 * the engine binds it by {@link la.methc.api.SynthDef#uri() URI}.
 */
@Export
@Version("1.0.0")
package la.methc.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
