package la.methc.engine.internal.driver;

import java.nio.file.Path;

/**
 * What an offline render produced.
 *
 * @param frames frames rendered (and written) per channel
 * @param wallNanos wall-clock time of the render, file writing included
 * @param realTimeFactor audio seconds per wall-clock second (above 1: faster than real time)
 * @param output the WAV file
 */
public record RenderResult(long frames, long wallNanos, double realTimeFactor, Path output) {
}
