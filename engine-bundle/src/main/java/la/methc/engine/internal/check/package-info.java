/**
 * {@code bin/methcla check-plugin JAR}: a throw-away engine installs one plugin bundle, reports why it does not
 * resolve or which SynthDef, ResourceDef and CommandDef URIs it registers (and its DS components' states), then
 * runs each SynthDef for a second of blocks on noise and reports exceptions, non-finite output and what
 * {@code process} allocates. One line per finding; the exit status says whether there was any.
 *
 * <p>Threads: the check's own thread ({@code methcla-check}), and one trial thread per SynthDef
 * ({@code methcla-check-rt}) that stands in for the RT thread; never the engine's RT thread.
 */
package la.methc.engine.internal.check;
