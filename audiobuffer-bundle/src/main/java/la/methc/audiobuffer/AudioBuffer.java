package la.methc.audiobuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The body of an AudioBuffer Resource: {@link #numChannels()} channels of {@link #numFrames()} float samples
 * at {@link #sampleRate()}, stored planar ({@code data()[channel][frame]}). The shape never changes after
 * construction; the samples do.
 *
 * <p><b>Threads and writes.</b> AudioBuffer is {@link la.methc.api.Mutability#MUTABLE Mutable} and the engine
 * does not police its writers (ADR 0004):
 * <ul>
 *   <li>RT readers and writers use the arrays of {@link #data()} directly, no copies, no locks. A record synth
 *   and the play synths reading the same buffer in the same block are ordered by the node tree: put the writer
 *   before its readers.</li>
 *   <li>An NRT writer (a worker inside {@link la.methc.api.World#performWithResources}) should process into a
 *   fresh Resource (read X, write a new Y, re-bind synths to Y with {@code /node/set}, free X), or dispatch
 *   with {@code exclusive = true} for an in-place write, which fails fast if anyone else holds the buffer.</li>
 * </ul>
 * Nothing here is synchronised: a write on one thread becomes visible on another through the engine's hand-over
 * between RT and worker threads (its queues), not through this object.
 *
 * <p>A consumer checks the URI ({@link la.methc.api.World#acquire World.acquire(id, URI)} or
 * {@link la.methc.api.ResourceRef}) and then uses the body as an {@code AudioBuffer}.
 */
@ProviderType
public interface AudioBuffer {

    /** The Resource kind, as in {@code /resource/new} and {@link la.methc.api.ResourceDef#uri()}. */
    String URI = "http://methc.la/resources/AudioBuffer/v1";

    /** At least 1. */
    int numChannels();

    /** Frames per channel, at least 1. */
    int numFrames();

    /** Frames per second the samples were recorded or are meant to be played at; positive and finite. */
    double sampleRate();

    /**
     * The live samples: {@code numChannels()} arrays of {@code numFrames()} floats each, {@code data()[c][f]}.
     * Not a copy: read and write the arrays in place, and do not replace them. RT-safe (allocates nothing).
     */
    float[][] data();

    /** The live samples of channel {@code c}, i.e. {@code data()[c]}. RT-safe. */
    default float[] channel(int c) {
        return data()[c];
    }
}
