package la.methc.audiobuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The body of an AudioBuffer Resource: {@link #numChannels()} channels of {@link #numFrames()} float samples at
 * {@link #sampleRate()}, stored planar ({@code data()[channel][frame]}). The shape never changes; the samples do,
 * with no lock. It is {@link la.methc.api.Mutability#MUTABLE Mutable}: RT synths use the arrays directly, ordered
 * by the node tree, and a worker writes into a fresh Resource or with {@code exclusive = true} (ADR 0004). A
 * consumer checks the URI first ({@link la.methc.api.World#acquire World.acquire(id, URI)} or
 * {@link la.methc.api.ResourceRef}).
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
