/**
 * The reverb plugin: its SynthDef, a DS component, and the Freeverb-style stereo reverb it constructs from
 * lowpass-feedback {@link la.methc.plugins.reverb.internal.Comb}s and
 * {@link la.methc.plugins.reverb.internal.Allpass}es.
 *
 * <p>Threads (see la.methc.api): the def's construct (which allocates every delay line) on a network thread,
 * the synth's activate and process on RT (or, the def being isolated, on one render thread of an offline render).
 */
package la.methc.plugins.reverb.internal;
