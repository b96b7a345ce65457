package la.methc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@code chain-cost}: what N chains cost the block thread, in CPU time, with the engine on this thread (as the
 * offline driver runs it, no sound card, no network): warm-up blocks, then the thread's CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}) over the measured ones. CPU time, unlike wall time, leaves out the
 * time other processes hold the core, so it says something on a loaded machine where the real-time search cannot;
 * what sharing the cores still costs (caches, the other hyperthread) stays in. The chains at 80% it prints scale the
 * cost linearly from N: a cross-check of {@code bench/chains.sh}, not the real-time figure.
 */
final class ChainCost {

    /** A 64-frame block at 48 kHz, in microseconds. */
    static final double BLOCK_MICROS = 64 * 1e6 / 48000;

    private ChainCost() {
    }

    /** Chains that fit in 80% of a block, at {@code micros} of CPU per block for {@code chains} of them. */
    static int at80(int chains, double micros) {
        return (int) (chains * VoiceSearch.LOAD_LIMIT * BLOCK_MICROS / micros);
    }

    static void run(int chains, int warmup, int blocks) {
        run(chains, warmup, blocks, 1, new Chains(3 * chains));
    }

    /**
     * {@code threads} render threads ({@code chains} parallel: each chain a child of a parallel group the helpers
     * share): the figure is the calling (block) thread's CPU time; the helpers' is printed beside it.
     */
    static void run(int chains, int warmup, int blocks, int threads, Chains c) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (ChainEngine e = new ChainEngine(chains, 3 * chains, threads)) {
            e.start(c, chains);
            for (int b = 0; b < warmup; b++) {
                e.process();
            }
            long[] helpers = helpers();
            long helpers0 = cpu(mx, helpers);
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int b = 0; b < blocks; b++) {
                e.process();
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / blocks;
            double wall = (System.nanoTime() - wall0) / 1e3 / blocks;
            double helperCpu = (cpu(mx, helpers) - helpers0) / 1e3 / blocks;
            e.checkNoError();
            System.out.printf("%d chains, %d blocks after %d warm-up: %.1f µs CPU per block (%.0f ns per chain), "
                    + "%.1f µs wall; 80%% of a %.0f µs block holds about %d chains%n", chains, blocks, warmup, cpu,
                    cpu * 1e3 / chains, wall, BLOCK_MICROS, at80(chains, cpu));
            if (threads > 1) {
                System.out.printf("  %d render threads: the helpers used %.1f µs CPU per block besides (spinning "
                        + "between blocks included)%n", threads, helperCpu);
            }
        }
    }

    /** The ids of the engine's render helpers ({@code methcla-render-…}). */
    private static long[] helpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("methcla-render-"))
                .mapToLong(Thread::getId).toArray();
    }

    private static long cpu(ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, mx.getThreadCpuTime(id));
        }
        return sum;
    }
}
