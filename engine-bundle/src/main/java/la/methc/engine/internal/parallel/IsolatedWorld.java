package la.methc.engine.internal.parallel;

import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.World;

/**
 * The {@link World} an isolated synth's process sees (one per render thread): the engine's constants, and
 * {@code synthDone} recorded on the node so that RT applies it in tree order after the run. Anything else
 * touches state only RT may touch, so it throws, and the engine frees that synth as it frees one whose process
 * threw ({@link la.methc.api.SynthDef#isolated} rules it out).
 */
final class IsolatedWorld extends DoneRecordingWorld {

    IsolatedWorld(World engine) {
        super(engine);
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
