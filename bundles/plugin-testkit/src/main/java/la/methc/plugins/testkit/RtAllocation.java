package la.methc.plugins.testkit;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

/**
 * Measures what a plugin's RT loop allocates, as the RT allocation tests do: on a thread of its own, after a warm-up
 * and then until the JIT is quiet ({@link JitQuiet}), with {@code ThreadMXBean.getThreadAllocatedBytes}; the cost of
 * reading the counter is measured first and subtracted. {@link SynthChecks#assertProcessAllocatesNothing} builds on
 * it; use it directly for a loop of your own (a synth wired by hand, a fake World of your own).
 *
 * <p>Threads: call from the test's thread; the loop runs on a thread of its own ("fake-rt"), which it waits for.
 */
public final class RtAllocation {

    /**
     * What a measured loop allocated.
     *
     * @param bytes bytes the measured blocks allocated, the counter's own cost subtracted
     * @param cost what reading the counter itself allocated
     */
    public record Measured(long bytes, long cost) {
    }

    private RtAllocation() {
    }

    /**
     * Runs {@code blocks.accept(n)} (n blocks of the loop under test) for {@code warmUp} blocks, then in turns of 64
     * until the JIT is quiet, then for {@code measured} blocks, which it measures. The loop must run on the thread
     * that calls it (it is that thread's allocation that is counted).
     *
     * @throws AssertionError when the JVM cannot measure allocation per thread, or the loop threw
     */
    public static Measured measure(IntConsumer blocks, int warmUp, int measured) throws InterruptedException {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported()) {
            throw new AssertionError("this JVM does not measure allocation per thread");
        }
        mx.setThreadAllocatedMemoryEnabled(true);
        Measured[] result = new Measured[1];
        Throwable[] failure = new Throwable[1];
        Thread rt = new Thread(() -> {
            try {
                long id = Thread.currentThread().getId();
                blocks.accept(warmUp);
                JitQuiet.settle(() -> blocks.accept(64)); // a C2 compile asked for from here allocates here
                long before = mx.getThreadAllocatedBytes(id);
                long empty = mx.getThreadAllocatedBytes(id) - before;
                before = mx.getThreadAllocatedBytes(id);
                blocks.accept(measured);
                long after = mx.getThreadAllocatedBytes(id);
                result[0] = new Measured(after - before - empty, empty);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "fake-rt");
        rt.start();
        rt.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        return result[0];
    }
}
