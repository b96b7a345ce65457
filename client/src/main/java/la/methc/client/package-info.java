/**
 * A Java client of the Methcla/J engine, usable from any JVM program (no OSGi needed; the jar is an OSGi bundle
 * too). {@link la.methc.client.OscConnection} sends and receives OSC over UDP or TCP, to the engine or to any
 * OSC server (scsynth included). {@link la.methc.client.MethclaClient} puts the engine's OSC API on top: typed
 * calls for every command ({@link la.methc.client.Commands}), {@code CompletableFuture}s for the replies,
 * listeners for the notifications, node and resource id allocators, time-tagged bundles
 * ({@link la.methc.client.Bundle}); {@link la.methc.client.Score} writes a score for {@code methcla render}. The
 * OSC contract is {@code docs/osc-api.md}; an overview with examples, {@code docs/client.md}.
 *
 * <p>Threads: every public method may be called from any thread. Each connection has one receive thread; it runs
 * the listeners and completes the futures, so a listener or a dependent stage that blocks holds up every reply
 * after it (use the {@code ...Async} stages of {@code CompletableFuture} for slow work).
 *
 * <p>1.0.0: the first version. 1.1.0: {@link la.methc.client.Controls} (controls by name at a synth's creation),
 * {@link la.methc.client.Commands#addAll}, close listeners on {@link la.methc.client.OscConnection} and
 * {@link la.methc.client.ConnectionClosedException} (futures fail when the server closes the connection). 1.2.0:
 * {@link la.methc.client.Reply.Port#defaultValue} ({@code /synthdef/info.reply} gives each port's default). 1.3.0:
 * {@link la.methc.client.Commands#newParallelGroup}.
 */
@Export
@Version("1.3.0")
package la.methc.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
