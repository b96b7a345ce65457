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
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (ChainEngine e = new ChainEngine(chains, 3 * chains)) {
            e.start(new Chains(3 * chains), chains);
            for (int b = 0; b < warmup; b++) {
                e.process();
            }
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int b = 0; b < blocks; b++) {
                e.process();
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / blocks;
            double wall = (System.nanoTime() - wall0) / 1e3 / blocks;
            e.checkNoError();
            System.out.printf("%d chains, %d blocks after %d warm-up: %.1f µs CPU per block (%.0f ns per chain), "
                    + "%.1f µs wall; 80%% of a %.0f µs block holds about %d chains%n", chains, blocks, warmup, cpu,
                    cpu * 1e3 / chains, wall, BLOCK_MICROS, at80(chains, cpu));
        }
    }
}
