package la.methc.engine.internal.driver;

import la.methc.plugins.testkit.JitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import la.methc.engine.internal.sched.ThreadPolicy;
import org.junit.jupiter.api.Test;

class DummyDriverTest {

    /** Whether a live thread named methcla-rt exists. */
    static boolean rtThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(RtThreadDriver.THREAD_NAME) && t.isAlive());
    }

    /** With an rtPriority, the RT thread runs SCHED_FIFO as it computes blocks, as {@code chrt -p} reads it back. */
    @Test
    void theRtThreadRunsAtTheRealTimePriorityAskedFor() throws Exception {
        assumeTrue(ThreadPolicy.fifoAllowed(), "this process may not use SCHED_FIFO");
        AtomicReference<String> policy = new AtomicReference<>();
        CountDownLatch asked = new CountDownLatch(1);
        try (DummyDriver driver = new DummyDriver(new DriverOptions(48000, 64, 0, 2, 5))) {
            driver.start((in, out) -> {
                if (policy.get() == null) {
                    try {
                        policy.set(ThreadPolicy.of(RtThreadDriver.THREAD_NAME)); // a test: RT may block here
                    } catch (Exception e) {
                        policy.set(e.toString());
                    }
                    asked.countDown();
                }
            });
            assertTrue(asked.await(10, TimeUnit.SECONDS));
        }
        assertTrue(policy.get().contains("SCHED_FIFO") && policy.get().contains("priority: 5"), policy.get());
    }

    @Test
    void pacesBlocksAtRealTimeOnItsOwnThread() throws Exception {
        DriverOptions options = new DriverOptions(48000, 64, 2, 2);
        CountDownLatch blocks = new CountDownLatch(200);
        AtomicReference<Thread> rt = new AtomicReference<>();
        AtomicReference<float[][]> firstInputs = new AtomicReference<>();
        AtomicReference<float[][]> firstOutputs = new AtomicReference<>();
        AtomicBoolean inputsSilentAndReused = new AtomicBoolean(true);
        DummyDriver driver = new DummyDriver(options);
        assertEquals("dummy", driver.name());
        assertSame(options, driver.options());
        long t0 = System.nanoTime();
        driver.start((in, out) -> {
            rt.compareAndSet(null, Thread.currentThread());
            firstInputs.compareAndSet(null, in);
            firstOutputs.compareAndSet(null, out);
            boolean ok = in == firstInputs.get() && out == firstOutputs.get() && in.length == 2 && out.length == 2
                    && in[0].length == 64 && out[1].length == 64;
            for (float[] channel : in) {
                for (float x : channel) {
                    ok &= x == 0f;
                }
            }
            if (!ok) {
                inputsSilentAndReused.set(false);
            }
            blocks.countDown();
        });
        assertTrue(blocks.await(5, TimeUnit.SECONDS), "200 blocks within 5 s");
        double seconds = (System.nanoTime() - t0) / 1e9;
        driver.close();
        // block 199 is due 199 · 64 / 48000 = 0.265 s after the start
        assertTrue(seconds >= 0.2 && seconds <= 0.5, "200 blocks of 64 frames at 48 kHz took " + seconds + " s");
        assertTrue(inputsSilentAndReused.get(), "inputs silent, the same arrays every block");
        Thread thread = rt.get();
        assertEquals(RtThreadDriver.THREAD_NAME, thread.getName());
        assertTrue(thread.isDaemon());
        assertEquals(Thread.MAX_PRIORITY, thread.getPriority());
        assertFalse(thread.isAlive(), "close() joined the RT thread");
        assertFalse(rtThreadAlive(), "no methcla-rt thread left");
        assertFalse(driver.isRunning());
        assertTrue(driver.blocks() >= 200);
    }

    @Test
    void closeIsIdempotentAndFinal() {
        DummyDriver unstarted = new DummyDriver(new DriverOptions(48000, 64, 0, 2));
        unstarted.close();
        unstarted.close();
        assertThrows(IllegalStateException.class, () -> unstarted.start((in, out) -> { }));

        DummyDriver driver = new DummyDriver(new DriverOptions(48000, 64, 0, 2));
        driver.start((in, out) -> { });
        assertThrows(IllegalStateException.class, () -> driver.start((in, out) -> { }));
        driver.close();
        driver.close();
        assertFalse(rtThreadAlive());
    }

    @Test
    void resynchronisesInsteadOfBurstingAfterAStall() throws Exception {
        DriverOptions options = new DriverOptions(48000, 64, 0, 2);
        double period = 64 / 48000.0;
        AtomicLong count = new AtomicLong();
        try (DummyDriver driver = new DummyDriver(options)) {
            long t0 = System.nanoTime();
            driver.start((in, out) -> {
                if (count.incrementAndGet() == 20) {
                    sleep(40); // 30 block periods
                }
            });
            Thread.sleep(300);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long blocks = driver.blocks();
            long late = driver.lateBlocks();
            assertTrue(late >= 20 && late <= elapsed / period, "late blocks counted: " + late);
            // the missed blocks were skipped, not computed in a burst
            double expected = elapsed / period - late;
            assertTrue(Math.abs(blocks - expected) < 0.25 * expected,
                    blocks + " blocks in " + elapsed + " s with " + late + " late, expected about " + expected);
        }
    }

    @Test
    void steadyStateAllocatesNothingOnTheRtThread() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        AtomicReference<Thread> rt = new AtomicReference<>();
        AtomicLong count = new AtomicLong();
        // 16-frame blocks: a period of 333 µs, so many blocks in little time
        try (DummyDriver driver = new DummyDriver(new DriverOptions(48000, 16, 2, 2))) {
            driver.start((in, out) -> {
                rt.compareAndSet(null, Thread.currentThread());
                count.incrementAndGet();
            });
            while (count.get() < 1500) {
                Thread.sleep(10);
            }
            JitQuiet.await();
            long id = rt.get().getId();
            long before = threads.getThreadAllocatedBytes(id);
            long start = count.get();
            while (count.get() < start + 1500) {
                Thread.sleep(10);
            }
            long after = threads.getThreadAllocatedBytes(id);
            assertEquals(0, after - before, "bytes allocated by the dummy driver's RT thread over "
                    + (count.get() - start) + " blocks");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
