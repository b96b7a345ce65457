package la.methc.engine.internal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import la.methc.plugins.testkit.JitQuiet;

/**
 * An engine with one DSP helper ({@code methcla-dsp-1}) driven by a paced RT thread ({@link PacedBlocks}) as the
 * dummy driver drives it: 30,000 warm-up blocks and a quiet JIT first, then stretches of blocks in which the tests
 * read what RT and the helper allocated and how much CPU the helper used. Test thread only; close stops RT.
 */
final class PacedHelperRun implements AutoCloseable {

    /** What RT and the helper did over a stretch of blocks. */
    record Stretch(long blocks, long rtBytes, long helperBytes, long helperCpuNanos) {
    }

    private static final int WARM_UP = 30_000;

    private final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread rt;
    final Thread helper;

    /** Starts RT on {@code h}'s engine, waits for the warm-up and the JIT, and finds the helper. */
    PacedHelperRun(EngineHarness h) throws InterruptedException {
        mx.setThreadAllocatedMemoryEnabled(true);
        long period = 1_000_000_000L * 64 / 48000;
        rt = new Thread(() -> PacedBlocks.run(h.engine, h.in, h.out, running, blocks, WARM_UP, period), "methcla-rt");
        rt.start();
        while (blocks.get() < WARM_UP) {
            Thread.sleep(5);
        }
        JitQuiet.await();
        helper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("methcla-dsp-1")).findFirst().orElseThrow();
    }

    /** Blocks computed so far. */
    long blocks() {
        return blocks.get();
    }

    /** The helper's CPU time so far, in nanoseconds. */
    long helperCpuNanos() {
        return mx.getThreadCpuTime(helper.getId());
    }

    /** Waits for {@code count} more blocks and says what RT and the helper did over them. */
    Stretch measure(int count) throws InterruptedException {
        long rtBefore = mx.getThreadAllocatedBytes(rt.getId());
        long helperBefore = mx.getThreadAllocatedBytes(helper.getId());
        long cpuBefore = helperCpuNanos();
        long start = blocks.get();
        while (blocks.get() < start + count) {
            Thread.sleep(10);
        }
        return new Stretch(blocks.get() - start, mx.getThreadAllocatedBytes(rt.getId()) - rtBefore,
                mx.getThreadAllocatedBytes(helper.getId()) - helperBefore, helperCpuNanos() - cpuBefore);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        rt.join();
    }
}
