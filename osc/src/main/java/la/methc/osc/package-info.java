/**
 * OSC 1.0 on the wire, shared by the engine and its clients so that both speak through one copy: the codec
 * ({@link la.methc.osc.OscCodec}: JavaOSC 0.8 with fixes, strict checks of every received packet, a
 * garbage-light path for plain messages), NTP time tags ({@link la.methc.osc.NtpTime}) and the size-prefixed
 * framing of OSC over TCP ({@link la.methc.osc.TcpFraming}). Packets are JavaOSC's {@code OSCMessage} and
 * {@code OSCBundle}.
 *
 * <p>Threads: any thread but an audio thread (the codec allocates). Every class is thread-safe; the codec keeps a
 * parser, a serializer and a buffer per thread.
 *
 * <p>1.0.0: moved here from the engine's internal {@code osc} package.
 */
@Export
@Version("1.0.0")
package la.methc.osc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
