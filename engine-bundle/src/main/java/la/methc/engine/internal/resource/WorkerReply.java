package la.methc.engine.internal.resource;

import la.methc.api.WorldCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker → RT: posts the result of one of the engine's own jobs. The queue has room for every job in flight
 * (one per slot, {@link SlotPool#PERFORM_JOBS} dispatches), so this never waits and never gives up (ADR 0012).
 */
final class WorkerReply {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerReply.class);

    private WorkerReply() {
    }

    /** Worker thread. {@code resource}: the slot concerned, -1 for a perform dispatch (for the log). */
    static void post(SlotPool pool, WorldCommand result, int resource) {
        if (!pool.postResult(result)) {
            // cannot happen while the queue is sized for every job in flight: say so loudly if it ever does
            LOG.error("RT result queue full: {} of resource {} lost; the slot may stay stuck",
                    result.getClass().getSimpleName(), resource);
        }
    }
}
