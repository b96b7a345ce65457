/**
 * The delay plugin: its SynthDef, a DS component, and the feedback delay synth it constructs, whose delay line
 * is an AudioBuffer resource the client allocates.
 *
 * <p>Threads (see la.methc.api): the def's construct on a network thread; the synth's attach, remap, detach and
 * process on RT.
 */
package la.methc.plugins.delay.internal;
