package la.methc.engine.internal;

import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.osc.Client;

/**
 * A {@code /sync} back from the notifier once the workers had no job of origin below its barrier: RT answers it
 * or sends it back ({@link JobLedger#synced}). Built on the notifier, performed on RT.
 */
final class SyncRelay extends PostedReply {

    private final Engine engine;
    private final int id;
    private final long barrier;
    private final long handedOver;

    SyncRelay(Engine engine, Client client, int id, long barrier, long handedOver) {
        super(EngineText.sync(), client);
        this.engine = engine;
        this.id = id;
        this.barrier = barrier;
        this.handedOver = handedOver;
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        engine.synced(client(), id, barrier, handedOver);
    }
}
