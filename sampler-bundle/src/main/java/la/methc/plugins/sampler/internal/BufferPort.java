package la.methc.plugins.sampler.internal;

import la.methc.api.ResourceRef;
import la.methc.api.World;
import la.methc.audiobuffer.AudioBuffer;

/**
 * The buffer resource port (parameter 0) of a play or record synth: the id from the options, bound in
 * {@code attach}, re-bound by {@code /node/set i:id i:0 i:resourceId}, released in {@code detach}. Held for the
 * synth's whole life (ADR 0003); RT only after construction.
 */
final class BufferPort {

    private final int initialId;
    private final ResourceRef<AudioBuffer> ref = new ResourceRef<>(AudioBuffer.URI, AudioBuffer.class);

    /** NRT. */
    BufferPort(int initialId) {
        this.initialId = initialId;
    }

    /**
     * RT thread, once as the synth enters the tree. Binds the buffer named by the options, if any.
     *
     * @throws la.methc.api.ResourceAcquireError when it is not a live AudioBuffer (nothing is then held)
     */
    void attach(World world) {
        if (initialId != ResourceRef.NONE) {
            ref.bind(world, initialId);
        }
    }

    /** RT thread. Re-binds resource port {@code port} (only 0 exists); false, with nothing changed, on failure. */
    boolean remap(World world, int port, int resourceId) {
        return port == 0 && ref.tryReplace(world, resourceId);
    }

    /** RT thread, once as the synth leaves the tree (or is refused). Releases the buffer. */
    void detach() {
        ref.close();
    }

    /** RT. The bound buffer, or null. */
    AudioBuffer get() {
        return ref.get();
    }

    /** The bound id, or {@link ResourceRef#NONE}. */
    int id() {
        return ref.id();
    }
}
