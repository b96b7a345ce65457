/**
 * Writing WAV files: the one WAV writer of Methcla/J, used by the engine (offline render output,
 * {@code /output/record}) and by plugins ({@code /buffer/write} in the sampler). It lives in the API bundle
 * because that bundle is always in {@code system/} and is the only exported code both the engine and plugins
 * may import; the engine must not depend on a bundle in {@code plugins/}.
 *
 * <p>Not for RT: {@link la.methc.api.wav.WavWriter} does blocking file I/O and allocates on creation. One
 * thread at a time per writer.
 *
 * <p>1.0.0: {@code WavWriter} and {@code WavFormat} (32-bit float, 16- and 24-bit PCM).
 */
@Export
@Version("1.0.0")
package la.methc.api.wav;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
