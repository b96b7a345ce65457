package la.methc.plugins.sampler.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A flat node tree: voices processed head to tail in every block, sharing one {@link FakeWorld}. A voice
 * added between runs starts in the next block run (optionally at a frame offset), as {@code /synth/new}
 * followed by {@code /synth/activate} would make it.
 */
final class Rig {

    final FakeWorld world;
    private final List<Voice> voices = new ArrayList<>();
    private long blocks;

    Rig(FakeWorld world) {
        this.world = world;
    }

    /** Appends {@code v} at the tail; it starts in the next block. */
    Voice add(Voice v) {
        voices.add(v);
        return v;
    }

    /** Appends {@code v}; it starts {@code offset} frames into the next block. */
    Voice add(Voice v, int offset) {
        v.startOffset = offset;
        return add(v);
    }

    /** Removes {@code v} from the tree, detaching it, as the engine frees a node. */
    void free(Voice v) {
        voices.remove(v);
        if (v.attached) {
            v.synth.detach(world);
        }
    }

    void run(int n) {
        int bs = world.blockSize();
        for (int b = 0; b < n; b++) {
            world.block = blocks;
            for (Voice v : voices) {
                v.block(world, blocks, blocks * bs);
            }
            blocks++;
        }
    }

    long blocks() {
        return blocks;
    }
}
