package la.methc.plugins.testkit;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * For RT allocation tests (the engine's and the plugins'): waits until the JIT has settled before a measured window opens. A C2 compile that RT
 * asks for allocates on RT (HotSpot resolves the compiled class's String constants and profiling data on the
 * requesting thread), so a method that first gets hot inside the window shows as RT allocation although the steady
 * state allocates nothing. The measured loop keeps running meanwhile, in the shape it is measured in (paced, with
 * the same traffic), and the window opens once the JVM's total compilation time has not moved for {@link #QUIET_MS}:
 * what that shape compiles is compiled. The wait is bounded; the 0-byte assertion stands either way.
 */
public final class JitQuiet {

    /** How long the total compilation time must stay unchanged. */
    public static final long QUIET_MS = 500;
    /** The longest wait: a JIT that never settles (a busy machine) leaves the measurement to show it. */
    public static final long MAX_WAIT_MS = 30_000;

    private JitQuiet() {
    }

    /** Waits while another thread runs the measured loop; whether the JIT settled within {@link #MAX_WAIT_MS}. */
    public static boolean await() {
        return settle(() -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Runs {@code step} (one turn of the measured loop) on this thread until the JIT settled, or the wait ends. */
    public static boolean settle(Runnable step) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long deadline = start + MAX_WAIT_MS * 1_000_000;
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            for (long end = start + QUIET_MS * 1_000_000; System.nanoTime() < end;) {
                step.run();
            }
            return false;
        }
        long total = jit.getTotalCompilationTime();
        long changed = System.nanoTime();
        long polled = changed;
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            step.run();
            long now = System.nanoTime();
            if (now - polled < 50_000_000) {
                continue; // read the compilation time every 50 ms, not every step
            }
            polled = now;
            long t = jit.getTotalCompilationTime();
            if (t != total) {
                total = t;
                changed = now;
            } else if (now - changed >= QUIET_MS * 1_000_000) {
                return true;
            }
        }
        System.out.printf("JIT still compiling after %d ms; measuring anyway%n", MAX_WAIT_MS);
        return false;
    }
}
