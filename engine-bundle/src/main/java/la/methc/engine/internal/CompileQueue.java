package la.methc.engine.internal;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JIT's compile queue, as HotSpot's {@code Compiler.queue} diagnostic command prints it. A render that writes
 * the render cache's class-data archive waits until it is empty (ADR 0024): on JDK 17 a method still queued when
 * the archive is written keeps its "queued" mark in the archive, and every later JVM using it never compiles that
 * method (JDK-8306460, fixed in JDK 21). NRT only.
 */
final class CompileQueue {

    private static final Logger LOG = LoggerFactory.getLogger(CompileQueue.class);
    /** bin/methcla's word that this render writes the render cache's class-data archive as it exits. */
    static final String ARCHIVING_PROPERTY = "methcla.render.archiving";
    /** The diagnostic command's operation on the {@code DiagnosticCommand} MBean. */
    private static final String OPERATION = "compilerQueue";
    private static final long POLL_MILLIS = 20;
    /** {@link #awaitIdle}: the VM cannot tell (not HotSpot, no such command). */
    static final long UNKNOWN = -1;
    /** {@link #awaitIdle}: the queue had no quiet spell long enough before the time was up. */
    static final long BUSY = -2;

    private CompileQueue() {
    }

    /**
     * The render thread, once its render is over: in a render that writes the class-data archive
     * ({@link #ARCHIVING_PROPERTY}), waits (up to 5 s) until the queue has been empty for 0.5 s, and logs how long.
     */
    static void awaitBeforeArchiving() {
        if (!Boolean.getBoolean(ARCHIVING_PROPERTY)) {
            return;
        }
        try {
            long waited = awaitIdle(500, 5_000);
            if (waited == BUSY) {
                LOG.warn("render: the JIT's queue was still busy after 5 s; the class-data archive is written all the "
                        + "same and may leave a method uncompiled (ADR 0024)");
            } else if (waited >= 0) {
                LOG.info("render: waited {} ms for the JIT's queue to empty before the class-data archive is written",
                        waited);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether {@code printed} (the command's output) lists no task: nothing compiling, both queues empty. A task is
     * printed with its method as {@code Class::method}.
     */
    static boolean idle(String printed) {
        return !printed.contains("::");
    }

    /**
     * NRT. Waits until the queue has stayed empty for {@code quietMillis}, at most {@code maxMillis}: how long it
     * waited in ms, {@link #BUSY} when the time was up first, or {@link #UNKNOWN} where the VM cannot tell.
     */
    static long awaitIdle(long quietMillis, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long idleSince = -1;
        while (true) {
            String printed = print();
            if (printed == null) {
                return UNKNOWN;
            }
            long now = System.nanoTime();
            long waited = (now - start) / 1_000_000;
            if (!idle(printed)) {
                idleSince = -1;
            } else if (idleSince < 0) {
                idleSince = now;
            } else if ((now - idleSince) / 1_000_000 >= quietMillis) {
                return waited;
            }
            if (waited >= maxMillis) {
                return BUSY;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The queue as the command prints it, or null where the VM cannot tell. */
    private static String print() {
        try {
            Object printed = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), OPERATION,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return printed instanceof String s ? s : null;
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }
}
