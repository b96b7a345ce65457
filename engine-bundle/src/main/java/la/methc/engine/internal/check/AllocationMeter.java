package la.methc.engine.internal.check;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the calling thread allocates, as the RT allocation tests measure it ({@code RtAllocation} and
 * {@code JitQuiet} of the plugin test kit, which the engine cannot use: it is no bundle): per thread with
 * {@code ThreadMXBean.getThreadAllocatedBytes}, the cost of reading the counter subtracted, once the JIT has settled.
 * A C2 compile that the measured thread asks for allocates on it, so the loop keeps running until the JVM's total
 * compilation time has not moved for {@link #QUIET_MS}, or at most {@link #MAX_WAIT_MS}. The trial thread only.
 */
final class AllocationMeter {

    static final long QUIET_MS = 500;
    static final long MAX_WAIT_MS = 30_000;

    private final com.sun.management.ThreadMXBean threads;

    /** Null when this JVM cannot measure allocation per thread. */
    static AllocationMeter create() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported()) {
            return null;
        }
        mx.setThreadAllocatedMemoryEnabled(true);
        return new AllocationMeter(mx);
    }

    private AllocationMeter(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    /** Runs {@code step} until the JIT is quiet (or the wait ends); whether step asked to stop (returned false). */
    static boolean settle(java.util.function.BooleanSupplier step) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long deadline = start + MAX_WAIT_MS * 1_000_000;
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        long total = monitored ? jit.getTotalCompilationTime() : 0;
        long changed = start;
        long polled = start;
        while (System.nanoTime() < deadline) {
            if (!step.getAsBoolean()) {
                return false;
            }
            long now = System.nanoTime();
            if (now - polled < 50_000_000) {
                continue; // read the compilation time every 50 ms, not every step
            }
            polled = now;
            long t = monitored ? jit.getTotalCompilationTime() : total;
            if (t != total) {
                total = t;
                changed = now;
            } else if (now - changed >= QUIET_MS * 1_000_000) {
                return true;
            }
        }
        return true;
    }

    /** Bytes the calling thread has allocated so far. */
    long allocated() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** What one {@link #allocated} call costs (measured, usually 0). */
    long readingCost() {
        long before = allocated();
        return allocated() - before;
    }
}
