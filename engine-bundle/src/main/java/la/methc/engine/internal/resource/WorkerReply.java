package la.methc.engine.internal.resource;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import la.methc.api.Host;
import la.methc.api.WorldCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Worker → RT: posts a job's result, waiting while RT's reply queue is full (a worker may block). */
final class WorkerReply {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerReply.class);
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private WorkerReply() {
    }

    /** Worker thread. {@code resource}: the slot concerned, -1 for a perform dispatch (for the log). */
    static void post(Host host, WorldCommand result, int resource) {
        long start = System.nanoTime();
        while (!host.performCommand(result)) {
            if (System.nanoTime() - start > PATIENCE_NANOS) {
                LOG.error("RT reply queue full for 10 s: {} of resource {} lost", result.getClass().getSimpleName(),
                        resource);
                return;
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
