package la.methc.engine.internal.parallel;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The work RT hands the {@link Team} (a run's synths, {@link ParallelSynths}; a parallel group's children,
 * {@link ParallelGroups}) and its mixing in tree order: the units are taken in chunks ({@link #work}, the subclass's);
 * a chunk's done mark says in which generation and by which part it was processed, and the {@link Frontier} how far
 * the outputs are mixed. Each thread mixes the chunks it processed once its stripe is whole and the frontier reaches
 * them ({@link #afterChunk}), from its own cache;
 * RT mixes another's once the frontier has stood still {@link #GRACE_NANOS}. The subclass says how a stretch of units
 * is mixed ({@link #mixRange}). RT and the helpers; allocation-free.
 */
abstract class FrontierMixing implements TeamWork {

    /** For {@link #mix}: any chunk, whoever processed it. */
    static final int ANY = -1;
    /** {@link #afterChunk}: this thread waits to mix nothing. */
    static final int IDLE = -2;
    /** More than the most threads: a chunk's done mark holds its processor's part below this. */
    static final int OWNERS = 1024;
    /** How long RT lets the mixing frontier stand at a helper's chunk before it mixes that chunk itself. */
    static final long GRACE_NANOS = 20_000;

    /** Units mixed so far, in tree order, moved by one thread at a time. */
    final Frontier frontier = new Frontier();
    /** Per chunk: the generation in which it was processed, times {@link #OWNERS}, plus the processor's part. */
    private final AtomicLongArray chunkDone;
    /** Units a thread takes at a time. */
    private final int chunk;
    /** The units of the work out: written by RT while no helper is inside, read after. */
    int units;

    /** NRT. Room for {@code capacity} units taken {@code chunk} at a time. */
    FrontierMixing(int capacity, int chunk) {
        this.chunk = chunk;
        chunkDone = new AtomicLongArray(capacity / chunk + 1);
    }

    /**
     * RT (part 0) or a helper: processes chunks of the work in generation {@code g} with {@code world}, marking each
     * {@link #done} and mixing as {@link #afterChunk} says; returns where the last chunk it processed ends.
     */
    abstract int work(int part, long g, IsolatedWorld world);

    /** The thread holding the frontier's lock: mixes units {@code from} to {@code to} (a chunk), in tree order. */
    abstract void mixRange(int from, int to);

    /** A helper: its chunks, then it stays until the frontier has passed the last of them, mixing its own. */
    @Override
    public final void help(int part, long g, IsolatedWorld world) {
        mixUntil(work(part, g, world), g, part, false);
    }

    /** RT, after handing out generation {@code g}: its part, then the mix to the end; returns how long it waited. */
    final long rtShare(long g, IsolatedWorld world) {
        work(0, g, world);
        // its own chunks before one a helper took from its part's back: mixing them is RT's work, not a wait
        mix(g, 0);
        if (frontier.at() >= units) {
            return 0;
        }
        // every chunk is taken: the helpers mix theirs as the frontier reaches them
        long since = System.nanoTime();
        mixUntil(units, g, 0, true);
        return System.nanoTime() - since;
    }

    /** The thread of {@code part}: it processed chunk {@code c} in generation {@code g}. */
    final void done(int c, long g, int part) {
        chunkDone.set(c, g * OWNERS + part);
    }

    /**
     * The thread of {@code part}, after processing chunk {@code c} ({@code stolen}: from another part; {@code closes}:
     * the last of its stripe): mixes from the frontier as far as it may, but only once its stripe is whole or when it
     * waits to mix already. Mixing chunk by chunk moved the frontier after each, and each move cost the other thread,
     * which reads the frontier after its own chunks, a cache line from this core, twice (1,000 voices on 2 threads
     * took no less time than on one). {@code seen}: the frontier when this thread last found nothing to mix, or
     * {@link #IDLE} when it waits for nothing; returns the same for the next chunk. It waits until the frontier has
     * passed chunk {@code c}: stopping once it mixed anything left the stripe it just closed to its next stripe's end.
     */
    final int afterChunk(int c, boolean stolen, boolean closes, int seen, long g, int part) {
        if (seen == IDLE && !stolen && !closes) {
            return IDLE;
        }
        int at = frontier.at();
        if (at == seen && at / chunk != c) {
            return seen; // nothing moved: only another's done mark could have, a line its thread is writing
        }
        int owed = Math.min(units, (c + 1) * chunk);
        while (true) {
            mix(g, part);
            at = frontier.at();
            if (at >= owed) {
                return IDLE;
            }
            if (!mixable(at / chunk, g, part)) {
                return at; // another's chunk, or one not done yet: look again once the frontier moves
            }
            // another thread moved the frontier to one of ours just after we let go of it
        }
    }

    /** Whether the thread of {@code part} may mix chunk {@code c} in generation {@code g}. */
    final boolean mixable(int c, long g, int part) {
        long done = chunkDone.get(c);
        return done / OWNERS == g && (part == ANY || done % OWNERS == part);
    }

    /**
     * The thread of {@code part}: mixes the chunks from the frontier on that it processed, unless another thread is
     * at it; {@link #ANY}: any chunk processed (RT, once it would otherwise wait). So outputs are mixed in the cache
     * they were computed in. False when it mixed nothing.
     */
    final boolean mix(long g, int part) {
        boolean any = false;
        int n = units;
        // the frontier's chunk may finish just as we let go: look again
        int at;
        while ((at = frontier.at()) < n && mixable(at / chunk, g, part)) {
            if (!frontier.lock()) {
                Thread.onSpinWait(); // the holder is letting go: it stops at a chunk it may not mix
                continue;
            }
            int i = frontier.at();
            while (i < n && mixable(i / chunk, g, part)) {
                int to = Math.min(n, i + chunk);
                mixRange(i, to);
                i = to;
            }
            frontier.unlock(i);
            any = true;
        }
        return any;
    }

    /**
     * Until the frontier has passed unit {@code end}: mixes the chunks of {@code part} as the frontier reaches them,
     * looking at the done marks only when it moved. RT ({@code takeOver}) also mixes another thread's chunk once the
     * frontier has stood still {@link #GRACE_NANOS} (a helper descheduled: its outputs cross to RT's cache).
     */
    final void mixUntil(int end, long g, int part, boolean takeOver) {
        int seen = -1;
        long moved = 0;
        int at;
        while ((at = frontier.at()) < end) {
            if (at != seen) {
                seen = at;
                if (takeOver) {
                    moved = System.nanoTime();
                }
                mix(g, part);
            } else if (!takeOver || System.nanoTime() - moved < GRACE_NANOS || !mix(g, ANY)) {
                Thread.onSpinWait();
            }
        }
    }
}
