package la.methc.audiobuffer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import la.methc.api.OscArgs;
import org.junit.jupiter.api.Test;

class MemoryCapTest {

    private static final FakeHost HOST = new FakeHost(48000);
    /** 1000 frames of one channel: 4000 bytes. */
    private static final OscArgs MONO_1000 = OscArgs.of(1, 1000);

    @Test
    void twoFitAThirdDoesNotAndFitsAgainAfterADestroy() {
        AudioBufferDef def = new AudioBufferDef(10_000);
        Object a = def.construct(HOST, MONO_1000);
        Object b = def.construct(HOST, MONO_1000);
        assertEquals(8000, def.reservedBytes());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> def.construct(HOST, MONO_1000));
        assertEquals("AudioBuffer of 1 channel x 1000 frames needs 4000 bytes, over the memory cap: 2000 of 10000"
                + " bytes remain", e.getMessage());
        assertEquals(8000, def.reservedBytes());

        def.destroy(HOST, a);
        assertEquals(4000, def.reservedBytes());
        Object c = def.construct(HOST, MONO_1000);
        assertEquals(8000, def.reservedBytes());
        def.destroy(HOST, b);
        def.destroy(HOST, c);
        assertEquals(0, def.reservedBytes());
    }

    @Test
    void exactlyTheCapFits() {
        AudioBufferDef def = new AudioBufferDef(2 * 3 * 4);
        assertNotNull(def.construct(HOST, OscArgs.of(2, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> def.construct(HOST, OscArgs.of(1, 1)));
        assertEquals("AudioBuffer of 1 channel x 1 frames needs 4 bytes, over the memory cap: 0 of 24 bytes remain",
                e.getMessage());
    }

    @Test
    void aNewConfigurationChangesTheCapAndKeepsLiveBuffers() {
        AudioBufferDef def = new AudioBufferDef(10_000);
        Object a = def.construct(HOST, MONO_1000);
        def.modified(null, ScrConfig.of(Map.of(AudioBufferDef.MAX_BYTES, 2000L)));
        assertEquals(2000, def.maxBytes());
        assertEquals(4000, def.reservedBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> def.construct(HOST, OscArgs.of(1, 1)));
        assertEquals("AudioBuffer of 1 channel x 1 frames needs 4 bytes, over the memory cap: 0 of 2000 bytes remain",
                e.getMessage());
        def.destroy(HOST, a);
        assertEquals(0, def.reservedBytes());
        assertNotNull(def.construct(HOST, OscArgs.of(1, 500)));
    }

    /** Surefire runs this module with -Xmx256m (see the pom): 8 GiB cannot be allocated, whatever the cap. */
    @Test
    void anAllocationTheHeapCannotHoldIsRefusedNotThrown() {
        AudioBufferDef def = new AudioBufferDef(Long.MAX_VALUE);
        long bytes = (long) AudioBufferDef.MAX_FRAMES * 4;
        assertTrue(bytes > Runtime.getRuntime().maxMemory(), "the test needs a heap under 8 GiB");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> def.construct(HOST, OscArgs.of(1, AudioBufferDef.MAX_FRAMES)));
        assertTrue(e.getMessage().startsWith("AudioBuffer of 1 channel x 2147483639 frames needs " + bytes
                + " bytes: the Java heap cannot hold it now ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes remain under the cap of " + Long.MAX_VALUE + ")"), e.getMessage());
        assertEquals(0, def.reservedBytes());
        // the def goes on working
        def.destroy(HOST, def.construct(HOST, MONO_1000));
        assertEquals(0, def.reservedBytes());
    }

    /** Channel 0 fits the heap, the rest does not: the partial allocation is dropped and nothing stays reserved. */
    @Test
    void aPartialAllocationIsRefusedToo() {
        AudioBufferDef def = new AudioBufferDef(Long.MAX_VALUE);
        int frames = (int) Math.min(AudioBufferDef.MAX_FRAMES, Runtime.getRuntime().maxMemory() / 4 / 3);
        assertTrue(64L * frames * 4 > Runtime.getRuntime().maxMemory());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> def.construct(HOST, OscArgs.of(64, frames)));
        assertTrue(e.getMessage().contains("the Java heap cannot hold it now"), e.getMessage());
        assertEquals(0, def.reservedBytes());
    }

    /**
     * Threads construct and destroy buffers against one cap, handing bodies over so that most destroys run on
     * another thread than their construct. The cap holds at every step; in the end nothing is reserved.
     */
    @Test
    void concurrentReservationsBalanceAndNeverExceedTheCap() throws Exception {
        int threads = 8;
        int rounds = 5000;
        long cap = 16 * 4000;
        AudioBufferDef def = new AudioBufferDef(cap);
        ConcurrentLinkedQueue<Object> live = new ConcurrentLinkedQueue<>();
        AtomicInteger built = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean overCap = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    start.await();
                    java.util.Random random = new java.util.Random(seed);
                    for (int i = 0; i < rounds; i++) {
                        if (random.nextInt(3) != 0) {
                            try {
                                // 1 or 2 channels of 1000 frames: 4000 or 8000 bytes
                                live.add(def.construct(HOST, OscArgs.of(1 + random.nextInt(2), 1000)));
                                built.incrementAndGet();
                            } catch (IllegalArgumentException e) {
                                if (!e.getMessage().contains("over the memory cap")) {
                                    throw e;
                                }
                                refused.incrementAndGet();
                            }
                        } else {
                            Object b = live.poll();
                            if (b != null) {
                                def.destroy(HOST, b);
                            }
                        }
                        long held = def.reservedBytes();
                        if (held > cap || held < 0) {
                            overCap.set(true);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(overCap.get(), "reserved bytes left 0.." + cap);
        assertTrue(built.get() > 0);
        assertTrue(refused.get() > 0, "the cap was never reached: the test proves less than it should");
        long expected = 0;
        for (Object b : live) {
            expected += ((AudioBufferBody) b).bytes;
        }
        assertEquals(expected, def.reservedBytes());
        Object b;
        while ((b = live.poll()) != null) {
            def.destroy(HOST, b);
        }
        assertEquals(0, def.reservedBytes());
    }

    @Test
    void concurrentDestroysOfOneBodyReleaseItOnce() throws Exception {
        AudioBufferDef def = new AudioBufferDef(1 << 20);
        for (int round = 0; round < 200; round++) {
            Object keep = def.construct(HOST, OscArgs.of(1, 10));
            Object body = def.construct(HOST, MONO_1000);
            CyclicBarrier start = new CyclicBarrier(4);
            Thread[] ts = new Thread[4];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        fail(e);
                    }
                    def.destroy(HOST, body);
                });
                ts[i].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            assertEquals(40, def.reservedBytes());
            def.destroy(HOST, keep);
        }
        assertEquals(0, def.reservedBytes());
    }
}
