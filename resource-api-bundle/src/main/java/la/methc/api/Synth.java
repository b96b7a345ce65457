package la.methc.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One running instance of a {@link SynthDef}, a leaf of the node tree.
 *
 * <p>Lifecycle: {@link SynthDef#construct} (NRT) → {@link #connect} for every audio and control port (NRT,
 * before the engine publishes the synth to RT) → {@link #attach} (RT, once, as it enters the tree) →
 * {@link #activate} (RT, once) → {@link #process} (RT, every block) → {@link #detach} (RT, as it leaves the
 * tree) → {@link #destroy} (NRT worker, after the engine unlinked it).
 *
 * <p>Resources: a synth holds its {@link ResourceRef}s for its whole life (ADR 0003): it acquires them
 * in {@link #attach} (ids usually come from the options), re-binds in {@link #remap} and releases them in
 * {@link #detach}. {@link #process} reads the cached bodies and does no refcount work.
 */
@ConsumerType
public interface Synth {

    /** The ports of this instance, fixed from construction on. Indices here are the {@code connect} indices. */
    List<PortDescriptor> ports();

    /**
     * NRT, before publication. Connects port {@code index} of {@link #ports()} to its data: a
     * {@code float[blockSize]} for an audio port, a {@code float[1]} for a control port. The engine owns the
     * arrays and fills control inputs and audio inputs before each {@link #process}.
     */
    void connect(int index, float[] data);

    /**
     * RT. Called once when the synth enters the tree, before it is activated: acquire the Resources named by
     * the options here. Throwing {@link ResourceAcquireError} (or any exception) refuses the synth: the
     * engine answers {@code /error} for its {@code /synth/new}, calls {@link #detach} and destroys it.
     */
    default void attach(World world) {
    }

    /**
     * RT. {@code /node/set i:id i:param i:resource-id} on resource port {@code port} (numbered among the
     * synth's resource ports): re-bind it, e.g. with {@link ResourceRef#tryReplace}. On false the old binding
     * stays and the engine logs a warning (the client is not told: ADR 0001, failure modes).
     */
    default boolean remap(World world, int port, int resourceId) {
        return false;
    }

    /** RT. Called once as the synth leaves the tree (or is refused after attach): release every Resource. */
    default void detach(World world) {
    }

    /** RT. Called once, in the block where the synth starts, before its first {@link #process}. */
    default void activate(World world) {
    }

    /**
     * RT. Computes frames {@code [offset, offset + frames)} of the connected buffers. {@code offset} is
     * non-zero only in the block where the synth starts (sample-accurate start); the engine zeroes
     * the frames before it. For a {@link SynthDef#isolated} def an offline render may call it on one of its
     * render threads instead (never on two at once for one synth), with a {@code world} limited as that method
     * says.
     */
    void process(World world, int offset, int frames);

    /** NRT (worker), after the engine removed the synth from the tree: close files, stop helpers. */
    default void destroy(Host host) {
    }
}
