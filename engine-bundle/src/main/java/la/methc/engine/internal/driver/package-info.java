/**
 * What runs the RT thread: the {@code javasound} driver (a sound card), {@code dummy} (paced by the clock) and
 * {@code offline} (renders a score to a WAV file as fast as it can), with the score reader, what a score names that a
 * plugin may provide, the WAV writer and the progress line of a command-line render.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): a driver's thread is RT; {@code open}, {@code start} and
 * {@code close} are NRT.
 */
package la.methc.engine.internal.driver;
