package la.methc.engine.internal.parallel;

import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.World;

/**
 * The {@link World} a synth that is not isolated sees in a parallel group: RT's own, but {@code synthDone}, which
 * is recorded on the node and applied after the group's block in tree order, as for the isolated synths the DSP
 * threads run, so that the done flags act the same whichever thread ran which child. RT only.
 */
final class DeferringWorld extends DoneRecordingWorld {

    DeferringWorld(World engine) {
        super(engine);
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
