/**
 * The AudioBuffer Resource class: multi-channel sample data shared by synths (record and play through
 * resource ports) and worker commands (sound-file I/O, analysis), named by {@link la.methc.audiobuffer.AudioBuffer#URI}.
 *
 * <p>A client creates one with {@code /resource/new s:http://methc.la/resources/AudioBuffer/v1 i:id
 * i:numChannels i:numFrames [f:sampleRate]} (the sample rate defaults to the engine's). A synth binds it with a
 * {@link la.methc.api.ResourceRef ResourceRef&lt;AudioBuffer&gt;}; a worker gets it as one of the bodies of
 * {@link la.methc.api.World#performWithResources}. Either way it then reads and writes
 * {@link la.methc.audiobuffer.AudioBuffer#data()} in place.
 *
 * <p>This package holds the interface only. The bundle that exports it also registers the
 * {@link la.methc.api.ResourceDef} that builds the bodies.
 */
@Export
@Version("1.0.0")
package la.methc.audiobuffer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
