/**
 * Signal-processing helpers for plugins' synths, exported with the plugin API so that every plugin computes them
 * one way. What a class may do on which thread, each says; none allocates after construction.
 *
 * <p>1.0.0: {@code Rotations} (the samples of a sinusoid within a block, no {@code Math.sin} each; ADR 0025).
 */
@Export
@Version("1.0.0")
package la.methc.api.dsp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
