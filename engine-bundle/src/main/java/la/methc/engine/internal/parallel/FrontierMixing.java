package la.methc.engine.internal.parallel;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The mixing, in tree order, of the work RT hands the {@link Team} (a run's synths, {@link ParallelSynths}; a parallel
 * group's children, {@link ParallelGroups}): a chunk's done mark says in which generation and by which part it was
 * processed, and the {@link Frontier} how far the outputs are mixed. Each thread mixes the chunks it processed as the
 * frontier reaches them, from its own cache; RT mixes another's once the frontier has stood still
 * {@link #GRACE_NANOS}. The subclass says what mixing from the frontier is ({@link #mix}). RT and the helpers;
 * allocation-free.
 */
abstract class FrontierMixing {

    /** For {@link #mix}: any chunk, whoever processed it. */
    static final int ANY = -1;
    /** More than the most threads: a chunk's done mark holds its processor's part below this. */
    static final int OWNERS = 1024;
    /** How long RT lets the mixing frontier stand at a helper's chunk before it mixes that chunk itself. */
    static final long GRACE_NANOS = 20_000;

    /** Units mixed so far, in tree order, moved by one thread at a time. */
    final Frontier frontier = new Frontier();
    /** Per chunk: the generation in which it was processed, times {@link #OWNERS}, plus the processor's part. */
    private final AtomicLongArray chunkDone;

    /** NRT. Room for {@code chunks} chunks. */
    FrontierMixing(int chunks) {
        chunkDone = new AtomicLongArray(chunks);
    }

    /** The thread of {@code part}: it processed chunk {@code c} in generation {@code g}. */
    final void done(int c, long g, int part) {
        chunkDone.set(c, g * OWNERS + part);
    }

    /** Whether the thread of {@code part} may mix chunk {@code c} in generation {@code g}. */
    final boolean mixable(int c, long g, int part) {
        long done = chunkDone.get(c);
        return done / OWNERS == g && (part == ANY || done % OWNERS == part);
    }

    /**
     * The thread of {@code part}: mixes the chunks from the frontier on that it processed, unless another thread is
     * at it; {@link #ANY}: any chunk processed. False when it mixed nothing.
     */
    abstract boolean mix(long g, int part);

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
