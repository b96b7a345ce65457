package la.methc.engine.internal.parallel;

import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The {@link World} a synth that is not isolated sees in a parallel group: RT's own, but {@code synthDone}, which
 * is recorded on the node and applied after the group's block in tree order, as for the isolated synths the DSP
 * threads run, so that the done flags act the same whichever thread ran which child. RT only.
 */
final class DeferringWorld implements World {

    private final World engine;
    private SynthNode current;

    DeferringWorld(World engine) {
        this.engine = engine;
    }

    /** RT, around one synth's process. */
    void enter(SynthNode node) {
        current = node;
    }

    @Override
    public double sampleRate() {
        return engine.sampleRate();
    }

    @Override
    public int blockSize() {
        return engine.blockSize();
    }

    @Override
    public double currentTime() {
        return engine.currentTime();
    }

    @Override
    public void synthDone(Synth synth) {
        if (current == null || current.synth() != synth) {
            throw new IllegalStateException(ParallelText.otherSynthDone());
        }
        current.markDone();
    }

    @Override
    public boolean performCommand(HostCommand command) {
        return engine.performCommand(command);
    }

    @Override
    public Object acquire(int id, String expectedUri) {
        return engine.acquire(id, expectedUri);
    }

    @Override
    public ResourceStatus status(int id, String expectedUri) {
        return engine.status(id, expectedUri);
    }

    @Override
    public void release(int id) {
        engine.release(id);
    }

    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        return engine.performWithResources(ids, writes, exclusive, perform);
    }
}
