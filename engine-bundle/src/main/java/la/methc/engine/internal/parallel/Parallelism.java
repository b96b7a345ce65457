package la.methc.engine.internal.parallel;

import la.methc.api.World;
import la.methc.engine.internal.tree.ParallelChildren;

/**
 * An engine's threads for synths: one {@link Team} of helpers (with more than one thread), to which RT hands both
 * the runs of isolated synths ({@link ParallelSynths}) and the children of parallel groups ({@link ParallelGroups},
 * always there: with one thread they run one after the other on RT, with the same steps). Made and closed NRT; used
 * by RT.
 */
public final class Parallelism implements AutoCloseable {

    private final ParallelSynths runs;
    private final ParallelGroups groups;

    /** NRT. See {@link ParallelSynths#ParallelSynths} for the arguments. */
    public Parallelism(int threads, int capacity, int minRun, World engine, boolean live, int rtPriority) {
        runs = threads > 1 ? new ParallelSynths(threads, capacity, minRun, engine, live, rtPriority) : null;
        groups = new ParallelGroups(runs == null ? null : runs.team(), capacity, engine);
    }

    /** The runs of isolated synths, or null with one thread. */
    public ParallelSynths runs() {
        return runs;
    }

    public ParallelChildren groups() {
        return groups;
    }

    /** NRT: the groups' figures logged, then the runs' and the team stopped. */
    @Override
    public void close() {
        groups.close();
        if (runs != null) {
            runs.close();
        }
    }
}
