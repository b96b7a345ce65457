/**
 * The pan plugin: its SynthDef, a DS component, and the equal-power panner it constructs.
 *
 * <p>Threads (see la.methc.api): the def's construct on a network thread, the synth's activate and process on
 * RT (or, the def being isolated, on one render thread of an offline render).
 */
package la.methc.plugins.pan.internal;
