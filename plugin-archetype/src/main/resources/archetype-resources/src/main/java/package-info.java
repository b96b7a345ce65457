/**
 * The ${artifactId} plugin: {@link ${package}.ToneSynthDef}, a Declarative Services component the engine binds by
 * its URI, and {@link ${package}.Tone}, the synth it constructs.
 *
 * <p>Threads (see la.methc.api): the def's constructor on the framework's thread, {@code construct} on a network
 * thread (it may allocate), the synth's {@code activate} and {@code process} on the real-time thread (they may not
 * allocate, lock, block, log or throw).
 */
package ${package};
