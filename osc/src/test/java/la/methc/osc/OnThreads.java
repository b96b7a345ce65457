package la.methc.osc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a body on several threads at once and rethrows the first failure (codec thread-safety tests). */
final class OnThreads {

    /** What each thread runs, given its id. */
    interface Body {
        void run(int id) throws Exception;
    }

    private OnThreads() {
    }

    /** {@code body.run(id)} on {@code threads} threads, ids 0 to threads - 1; returns when all are done. */
    static void run(int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    body.run(id);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
