package la.methc.engine.internal;

import la.methc.plugins.testkit.JitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-time rule, measured: the RT thread allocates 0 bytes over 10,000 blocks (48 kHz, 64 frames,
 * paced in real time, after an unpaced JIT warm-up and a paced one until the JIT settled ({@link JitQuiet})) with 100 synths playing and 1,000 {@code /node/set} per second arriving,
 * while 20 more synths hold Resources through resource ports, are re-mapped between 4 Resources by
 * {@code /node/set i:…} 100 times a second, and one of them dispatches a {@code performWithResources} every block;
 * 10 times a second a bundle is scheduled, {@code /scheduler/query} counts it and {@code /scheduler/clear} drops it,
 * and {@code /node/query} and {@code /group/queryTree} look at the tree. Node ids are far above 1023 (up to 2^31-1),
 * and half the {@code /node/set}s name their parameters, two pairs in one message. All the while the hardware
 * outputs are recorded to a WAV file ({@code /output/record/start}), the disk falling behind in the unpaced warm-up
 * (blocks lost) and keeping up when paced.
 */
class RtAllocationTest {

    private static final int SYNTHS = 100;
    /** Unpaced, with heavy /node/set traffic, so the JIT has compiled (and stopped deoptimising) the RT path. */
    private static final int WARMUP_BLOCKS = 50_000;
    private static final int MEASURED_BLOCKS = 10_000;
    private static final int RESOURCES = 4;
    private static final int HOLDERS = 20;
    /** Ids spread over the int range: the node map hashes them, nothing indexes an array by them. */
    private static final int GROUP = 70_000;
    private static final int FIRST_SYNTH = 1_000_000;
    private static final int SYNTH_STRIDE = 70_001;
    private static final int FIRST_HOLDER = Integer.MAX_VALUE - HOLDERS + 1;

    private static int synth(int i) {
        return FIRST_SYNTH + i * SYNTH_STRIDE;
    }

    @TempDir
    Path samples;

    @Test
    void rtThreadAllocatesNothingInSteadyState() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        try (EngineHarness h = new EngineHarness(Map.of("maxNodes", "256", "sampleRoot", samples.toString()))) {
            h.send("/output/record/start", "rt.wav");
            h.send("/group/new", GROUP, 0, 1);
            for (int i = 0; i < SYNTHS; i++) {
                int id = synth(i);
                h.synth(TestSynths.SINE, id, GROUP, 1, 200f + i, 0.005f);
                h.send("/synth/map/output", id, 0, i % 2, 1);
                h.send("/synth/activate", id);
            }
            for (int r = 0; r < RESOURCES; r++) {
                h.newResource(TestResources.URI, r, 0.1f * r);
            }
            for (int i = 0; i < HOLDERS; i++) {
                int id = FIRST_HOLDER + i;
                // holder 0 dispatches every block, so the dispatch and release paths are compiled in warm-up
                h.synthWith(TestSynths.HOLDER, id, GROUP, 1, i % RESOURCES, i == 0 ? 1 : 0);
                h.send("/synth/activate", id);
            }
            h.block();
            long performsBefore = TestSynths.PERFORMS.get();
            AtomicLong blocks = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            long period = 1_000_000_000L * 64 / 48000;
            Thread rt = new Thread(() -> PacedBlocks.run(h.engine, h.in, h.out, running, blocks, WARMUP_BLOCKS, period),
                    "methcla-rt");
            Thread network = new Thread(() -> {
                long next = System.nanoTime();
                int k = 0;
                while (running.get()) {
                    // 1,000 /node/set per second, decoded here as the network thread would (20× in warm-up)
                    boolean warm = blocks.get() < WARMUP_BLOCKS;
                    int burst = warm ? 20 : 1;
                    for (int b = 0; b < burst; b++) {
                        if (k % 2 == 0) {
                            h.send("/node/set", synth(k % SYNTHS), 0, 300f + (k % 50));
                        } else {
                            h.send("/node/set", synth(k % SYNTHS), "freq", 300f + (k % 50), "amp", 0.004f);
                        }
                        if (warm || k % 10 == 0) {
                            // 100 re-maps per second (20,000 in warm-up): parameter 1 of a holder, "buf", is its
                            // resource port
                            int remap = k / 10;
                            int holder = FIRST_HOLDER + remap % HOLDERS;
                            int to = (remap / HOLDERS + remap) % RESOURCES;
                            if (remap % 2 == 0) {
                                h.send("/node/set", holder, 1, to);
                            } else {
                                h.send("/node/set", holder, "gain", 1f, "buf", to);
                            }
                        }
                        if (k % 100 == 0) {
                            // the scheduler's verbs (10 a second): a bundle waits, is counted, and is dropped
                            h.sendAt(1e6, EngineHarness.msg("/node/set", synth(0), 0, 300f));
                            h.send("/scheduler/query");
                            h.send("/scheduler/clear");
                            // the queries RT answers from the tree (10 a second each; 20 in warm-up, so that a
                            // notifier slowed by the unpaced blocks keeps up: 200 a second could find it busy)
                            if (!warm || k % 1000 == 0) {
                                h.send("/node/query", FIRST_HOLDER);
                                h.send("/group/queryTree", GROUP);
                            }
                        }
                        k++;
                    }
                    next += 1_000_000;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            }, "test-network");
            rt.start();
            network.start();
            while (blocks.get() < WARMUP_BLOCKS) {
                Thread.sleep(5);
            }
            JitQuiet.await(); // paced now, with the measured traffic: what this shape compiles is compiled
            long before = threads.getThreadAllocatedBytes(rt.getId());
            long startBlock = blocks.get();
            while (blocks.get() < startBlock + MEASURED_BLOCKS) {
                Thread.sleep(20);
            }
            long after = threads.getThreadAllocatedBytes(rt.getId());
            long measured = blocks.get() - startBlock;
            running.set(false);
            rt.join();
            network.join();
            h.send("/output/record/stop");
            h.block();
            OSCMessage stopped = h.client.await("/done");
            while (!stopped.getArguments().get(0).equals("/output/record/stop")) {
                stopped = h.client.await("/done");
            }
            assertTrue(Files.size(samples.resolve("rt.wav")) > 58L + MEASURED_BLOCKS * 64 * 2 * 4, "recorded");
            System.out.printf("RT allocation: %d bytes over %d blocks with %d synths, /node/set at 1 kHz (half by "
                    + "name), %d resource holders re-mapped 100 times a second, %d performWithResources%n", after - before, measured, SYNTHS,
                    HOLDERS, TestSynths.PERFORMS.get() - performsBefore);
            assertEquals(SYNTHS + HOLDERS, h.engine.tree().numSynths());
            int held = 0;
            for (int r = 0; r < RESOURCES; r++) {
                held += h.engine.resources().refcount(r);
            }
            assertEquals(HOLDERS, held - h.engine.resources().performsInFlight(),
                    "every holder holds exactly one Resource, each dispatch in flight one more");
            assertTrue(TestSynths.PERFORMS.get() - performsBefore > MEASURED_BLOCKS, "performWithResources ran");
            var errors = h.client.drain(200).stream().filter(m -> m.getAddress().equals("/error")).toList();
            assertEquals(List.of(), errors.stream().map(m -> m.getArguments().toString()).toList());
            assertEquals(0, after - before, "bytes allocated by the RT thread over " + measured + " blocks");
        }
    }
}
