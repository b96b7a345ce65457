package la.methc.engine.internal.parallel;

import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.engine.internal.tree.SynthNode;

/**
 * A {@link World} around one synth's process at a time that records {@code synthDone} on the node, so that RT applies
 * it in tree order after the work the synth was part of, whichever thread ran it; the engine's constants as they are.
 * What the other calls do is the subclass's: {@link IsolatedWorld} refuses them, {@link DeferringWorld} passes them on.
 * One per thread, used by that thread only. Its fields are padded on either side ({@link DoneRecordingWorldL1Pad}):
 * the thread writes one for every synth, and where a collection had copied RT's and a helper's worlds next to each
 * other, both threads ran about a third slower for as long as the engine ran (ADR 0022).
 */
abstract class DoneRecordingWorld extends DoneRecordingWorldFields implements World {

    // 64 bytes after DoneRecordingWorldFields' fields: the superclasses leave no gap for these to fill
    long p10;
    long p11;
    long p12;
    long p13;
    long p14;
    long p15;
    long p16;
    long p17;

    DoneRecordingWorld(World engine) {
        super(engine);
    }

    /** The thread that owns this world, around one synth's process (null after it). */
    final void enter(SynthNode node) {
        current = node;
    }

    @Override
    public final double sampleRate() {
        return engine.sampleRate();
    }

    @Override
    public final int blockSize() {
        return engine.blockSize();
    }

    /** The block's time: RT does not advance it while work is out on the helpers. */
    @Override
    public final double currentTime() {
        return engine.currentTime();
    }

    @Override
    public final void synthDone(Synth synth) {
        if (current == null || current.synth() != synth) {
            throw new IllegalStateException(ParallelText.otherSynthDone());
        }
        current.markDone();
    }
}
