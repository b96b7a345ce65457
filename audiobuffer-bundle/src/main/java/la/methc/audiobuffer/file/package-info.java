/**
 * Sound files for AudioBuffers: {@link la.methc.audiobuffer.file.SoundFile} opens a WAV, AIFF or FLAC file (FLAC
 * through jflac-codec, imported from its own bundle, {@code system/jflac-bundle.jar}, as {@code org.jflac}
 * {@code [1.5,2)}) and decodes its frames to float. The one copy
 * of the engine's sound-file reading: the AudioBuffer def builds a buffer from a file with it
 * ({@code /resource/new … s:path}), and plugins read into existing buffers with it (the sampler's
 * {@code /buffer/read}). <b>Worker</b> threads only (blocking I/O); nothing here is synchronised.
 */
@Export
@Version("1.0.0")
package la.methc.audiobuffer.file;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
