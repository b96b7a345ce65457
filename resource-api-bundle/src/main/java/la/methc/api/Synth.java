package la.methc.api;

import java.util.List;

/**
 * One running instance of a {@link SynthDef}, a leaf of the node tree.
 *
 * <p>Lifecycle: {@link SynthDef#construct} (NRT) → {@link #connect} for every port (NRT, before the engine
 * publishes the synth to RT) → {@link #activate} (RT, once) → {@link #process} (RT, every block) →
 * {@link #destroy} (NRT worker, after the engine unlinked it).
 */
public interface Synth {

    /** The ports of this instance, fixed from construction on. Indices here are the {@code connect} indices. */
    List<PortDescriptor> ports();

    /**
     * NRT, before publication. Connects port {@code index} of {@link #ports()} to its data: a
     * {@code float[blockSize]} for an audio port, a {@code float[1]} for a control port. The engine owns the
     * arrays and fills control inputs and audio inputs before each {@link #process}.
     */
    void connect(int index, float[] data);

    /** RT. Called once, in the block where the synth starts, before its first {@link #process}. */
    default void activate(World world) {
    }

    /**
     * RT. Computes frames {@code [offset, offset + frames)} of the connected buffers. {@code offset} is
     * non-zero only in the block where the synth starts (sample-accurate start); the engine zeroes
     * the frames before it.
     */
    void process(World world, int offset, int frames);

    /** NRT (worker), after the engine removed the synth from the tree: close files, stop helpers. */
    default void destroy(Host host) {
    }
}
