/**
 * The oscillator plugin: its SynthDef (a DS component), the synth it constructs, and the band-limited
 * waveforms (PolyBLEP / PolyBLAMP) that synth reads.
 *
 * <p>Threads (see la.methc.api): the def's construct on a network thread, the synth's process on RT;
 * {@link la.methc.plugins.oscillator.internal.Waveform} is stateless and may be called from any thread.
 */
package la.methc.plugins.oscillator.internal;
