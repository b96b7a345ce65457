/**
 * The AudioBuffer Resource class, multi-channel sample data named by {@link la.methc.audiobuffer.AudioBuffer#URI}
 * and built by {@code /resource/new}: this package holds the interface only, its bundle registers the
 * {@link la.methc.api.ResourceDef}. Synths read and write {@link la.methc.audiobuffer.AudioBuffer#data()} in place
 * on the <b>RT</b> thread (through a {@link la.methc.api.ResourceRef}), commands on a <b>Worker</b> thread (through
 * {@link la.methc.api.World#performWithResources}); nothing in it is synchronised (see
 * {@link la.methc.audiobuffer.AudioBuffer}).
 */
@Export
@Version("1.0.0")
package la.methc.audiobuffer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
