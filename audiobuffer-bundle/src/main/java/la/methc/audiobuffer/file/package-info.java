/**
 * Sound files for AudioBuffers: {@link la.methc.audiobuffer.file.SoundFile} opens a WAV, AIFF or FLAC file (FLAC
 * through jflac-codec, whose classes this bundle embeds, privately) and decodes its frames to float. The one copy
 * of the engine's sound-file reading: the AudioBuffer def builds a buffer from a file with it
 * ({@code /resource/new … s:path}), and plugins read into existing buffers with it (the sampler's
 * {@code /buffer/read}). <b>Worker</b> threads only (blocking I/O); nothing here is synchronised.
 */
@Export
@Version("1.0.0")
package la.methc.audiobuffer.file;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
