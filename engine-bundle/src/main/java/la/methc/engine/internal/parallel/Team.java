package la.methc.engine.internal.parallel;

import java.util.concurrent.locks.LockSupport;
import la.methc.api.World;
import la.methc.engine.internal.sched.RealtimePriority;

/**
 * The helper threads of an engine ({@code methcla-dsp-N} live, {@code methcla-render-N} offline) and the hand-off
 * by which RT gives them work within a block ({@link TeamWork}: a run of isolated synths, a parallel group's
 * children). One team per engine, whatever the kinds of work: two teams on the same cores would compete.
 *
 * <p>The hand-off is a sequence lock over the work's fields: RT makes the generation odd ({@link #keepOut}) and
 * waits for helpers still inside the last work, fills in the next, then makes it even ({@link #handOut}); a helper
 * enters a generation it saw even and checks it did not change. Between two, a helper spins, parks and wakes as its
 * {@link WakeTimer} says (a real-time helper also breathes: short parks that leave its CPU gaps), or until RT
 * unparks it. Allocation-free once started; RT, the helpers, NRT for close.
 */
final class Team implements AutoCloseable {

    private final Helper[] helpers;
    /** Odd: RT is filling in work, helpers keep out; even: the work is out. RT's own copy is {@link #published}. */
    private volatile long generation;
    private long published;
    private volatile boolean closed;
    /* The work out: written by RT while the generation is odd and no helper has entered, read after. */
    private TeamWork work;
    /** When RT handed the work out ({@link System#nanoTime}): helpers time their wake-up for the next. */
    private long publishedAt;

    /**
     * NRT. {@code threads} threads in all, RT included: starts {@code threads - 1} helpers, named for {@code live};
     * {@code rtPriority}: the {@code SCHED_FIFO} priority live helpers ask for at their start (0: none).
     */
    Team(int threads, World engine, boolean live, int rtPriority) {
        helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1, engine, ParallelText.helperName(live, i + 1),
                    new RealtimePriority(live ? rtPriority : 0));
            helpers[i].start();
        }
    }

    /** Threads in all, RT included: part 0 is RT's. */
    int parts() {
        return helpers.length + 1;
    }

    /** Any thread. Whether {@link #close} began: RT hands out nothing more. */
    boolean closed() {
        return closed;
    }

    /** RT, or a helper inside the work: the generation of the work last handed out. */
    long published() {
        return published;
    }

    /**
     * RT: helpers keep out from now on; waits for any still inside the last work (all of it taken and done).
     * Returns how long it waited, in nanoseconds.
     */
    long keepOut() {
        generation = published + 1;
        long waited = 0;
        for (Helper h : helpers) {
            if (h.entered != 0) {
                long since = System.nanoTime();
                while (h.entered != 0) {
                    Thread.onSpinWait();
                }
                waited += System.nanoTime() - since;
            }
        }
        return waited;
    }

    /** RT, after {@link #keepOut} and filling in {@code next}'s fields: hands it out and wakes parked helpers. */
    void handOut(TeamWork next) {
        work = next;
        publishedAt = System.nanoTime();
        published += 2;
        generation = published;
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h);
            }
        }
    }

    /** NRT. Stops the helpers and waits for them. */
    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h);
        }
        for (Helper h : helpers) {
            try {
                h.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Helper extends Thread {

        private final int part;
        private final World engine;
        private final RealtimePriority priority;
        /** The generation this helper works in, 0 outside (RT waits for 0 before it fills in new work). */
        volatile long entered;
        volatile boolean parked;

        Helper(int part, World engine, String name, RealtimePriority priority) {
            super(name);
            this.part = part;
            this.engine = engine;
            this.priority = priority;
            setDaemon(true);
        }

        /** Takes part in each work RT hands out; between two it spins, parks and wakes as its timer says. */
        @Override
        public void run() {
            boolean realtime = priority.priority() > 0 && ParallelText.applyPriority(priority);
            // padded onto cache lines of its own (ADR 0022): a collection may copy it next to RT's world
            IsolatedWorld world = new IsolatedWorld(engine);
            WakeTimer timer = new WakeTimer(realtime, System.nanoTime());
            long seen = 0;
            while (!closed) {
                long g = generation;
                if ((g & 1) == 0 && g != seen) {
                    entered = g;
                    // RT reads entered after making the generation odd, we read the generation after entering
                    if (generation == g) {
                        work.help(part, g, world);
                    }
                    long at = publishedAt; // written before the generation we read: this work's
                    entered = 0;
                    seen = g;
                    timer.ran(at, System.nanoTime());
                    continue;
                }
                long next = timer.next(System.nanoTime());
                if (next == WakeTimer.SPIN) {
                    Thread.onSpinWait();
                } else if (park(g, next)) {
                    timer.woke(System.nanoTime());
                }
            }
        }

        /**
         * Parks for {@code nanos} (0: until unparked) unless work newer than {@code g} is out; whether it parked (a
         * helper that did not has left its CPU no gap).
         */
        private boolean park(long g, long nanos) {
            parked = true;
            // RT reads parked after publishing a generation: one of us sees the other
            boolean park = generation == g && !closed;
            if (park) {
                if (nanos > 0) {
                    LockSupport.parkNanos(this, nanos);
                } else {
                    LockSupport.park(this);
                }
            }
            parked = false;
            return park;
        }
    }
}
