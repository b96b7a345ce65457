package la.methc.engine.internal.parallel;

import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The {@link World} an isolated synth's process sees (one per render thread): the engine's constants, and
 * {@code synthDone} recorded on the node so that RT applies it in tree order after the run. Anything else
 * touches state only RT may touch, so it throws, and the engine frees that synth as it frees one whose process
 * threw ({@link la.methc.api.SynthDef#isolated} rules it out).
 */
final class IsolatedWorld implements World {

    private final World engine;
    private SynthNode current;

    IsolatedWorld(World engine) {
        this.engine = engine;
    }

    /** The render thread that owns this world, around one synth's process. */
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

    /** The block's time: RT does not advance it while a run is out on the render threads. */
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
        throw notIsolated(ParallelText.PERFORM_COMMAND);
    }

    @Override
    public Object acquire(int id, String expectedUri) {
        throw notIsolated(ParallelText.ACQUIRE);
    }

    @Override
    public ResourceStatus status(int id, String expectedUri) {
        throw notIsolated(ParallelText.STATUS);
    }

    @Override
    public void release(int id) {
        throw notIsolated(ParallelText.RELEASE);
    }

    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        throw notIsolated(ParallelText.PERFORM_WITH_RESOURCES);
    }

    /** Error path: a plugin broke the isolated contract. */
    private static IllegalStateException notIsolated(int call) {
        return new IllegalStateException(ParallelText.notIsolated(call));
    }
}
