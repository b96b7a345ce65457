package la.methc.plugins.doneafter.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/** Done in the block that contains frame {@code frames} counted from its first processed frame (frame 0). */
final class DoneAfter implements Synth {

    /** Frames still to pass before the target frame; the target lies in the first block with fewer left. */
    private long remaining;
    private boolean done;

    DoneAfter(long frames) {
        this.remaining = frames;
    }

    @Override
    public List<PortDescriptor> ports() {
        return List.of();
    }

    @Override
    public void connect(int index, float[] data) {
        throw new IndexOutOfBoundsException("done-after has no ports");
    }

    /** RT. Counts the frames it is given, so a start offset delays the done by that much. */
    @Override
    public void process(World world, int offset, int frames) {
        if (done) {
            return;
        }
        if (remaining < frames) {
            done = true;
            world.synthDone(this);
        } else {
            remaining -= frames;
        }
    }
}
