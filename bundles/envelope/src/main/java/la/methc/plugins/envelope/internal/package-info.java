/**
 * The envelope plugin: its SynthDef, a DS component, and the gated ADSR synth it constructs.
 *
 * <p>Threads (see la.methc.api): the def's construct on a network thread, the synth's process on RT.
 */
package la.methc.plugins.envelope.internal;
