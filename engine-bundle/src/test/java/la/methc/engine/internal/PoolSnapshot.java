package la.methc.engine.internal;

import la.methc.engine.internal.command.RtContext;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.resource.SlotPool;

/** Reads the slot pool on RT: each slot as {@code id:state/refcount[/freePending]}, and the pool's counters. */
final class PoolSnapshot extends Command {
    final List<String> slots = new ArrayList<>();
    int free;
    int live;
    int performsInFlight;
    long destroyedBodies;

    PoolSnapshot() {
        super("/test/pool", null);
    }

    /** RT (a test: allocates). */
    @Override
    public void perform(RtContext rt, int offset) {
        SlotPool p = rt.resources();
        for (int id = 0; id < p.capacity(); id++) {
            slots.add(id + ":" + p.stateName(id) + "/" + p.refcount(id) + (p.isFreePending(id) ? "/freePending" : ""));
        }
        free = p.drain().count(null, la.methc.engine.internal.resource.SlotState.FREE);
        live = p.liveCount();
        performsInFlight = p.performsInFlight();
        destroyedBodies = p.destroyedBodies();
    }

    /** What {@link #slots} holds when every slot of a pool of {@code capacity} is free, refcount 0. */
    static List<String> allFree(int capacity) {
        List<String> expected = new ArrayList<>();
        for (int id = 0; id < capacity; id++) {
            expected.add(id + ":free/0");
        }
        return expected;
    }
}
