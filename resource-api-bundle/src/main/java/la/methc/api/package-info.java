/**
 * The Methcla/J plugin API: what a bundle implements to add synth definitions to the engine.
 *
 * <p>Threads are part of the contract. Each method says where it runs:
 * <ul>
 *   <li><b>RT</b>: the real-time audio thread. No allocation, lock, blocking call, logging or exception.</li>
 *   <li><b>NRT</b>: a network or worker thread. May allocate and block.</li>
 * </ul>
 * A plugin registers its {@link la.methc.api.SynthDef}s, {@link la.methc.api.ResourceDef}s and
 * {@link la.methc.api.CommandDef}s as OSGi services (Declarative Services); the engine binds them by URI (by OSC
 * address for commands). Resources are shared, refcounted data (e.g. sample buffers) that synths hold through
 * {@link la.methc.api.ResourceRef}s and workers use through {@link la.methc.api.World#performWithResources}, for
 * instance in the task of a plugin command.
 *
 * <p>1.1.0 added Resources: {@code ResourceDef}, {@code Mutability}, {@code ResourceRef},
 * {@code ResourceStatus}, {@code ResourceAcquireError}, {@code ResourcePerform}, {@code PortType.RESOURCE},
 * the resource methods of {@code World} and the attach/remap/detach hooks of {@code Synth}.
 *
 * <p>1.2.0 added plugin commands: {@code CommandDef} (an OSC address served by a plugin), {@code CommandPlan},
 * {@code CommandTask}, {@code CommandReply}, and {@code Host.samplePath} (client file paths confined to the
 * engine's sample root).
 *
 * <p>1.3.0 added {@code SynthDef.isolated}: synths whose process may run on a helper thread.
 *
 * <p>1.4.0 added the {@code ResourceStatus} reasons of owned holds and whole-dispatch exclusivity
 * ({@code EXCLUSIVE_IN_USE}, {@code DUPLICATE_ID}, {@code HOLD_LIMIT}, {@code HOLDER_FULL}).
 */
@Export
@Version("1.4.0")
package la.methc.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
