package la.methc.engine.internal.driver;

import static la.methc.engine.internal.driver.ScoreTest.at;
import static la.methc.engine.internal.driver.ScoreTest.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline driver with a stand-in engine: what it dispatches when, and what it writes. */
class OfflineDriverTest {

    @TempDir
    Path dir;

    private Score score(List<OSCBundle> bundles) throws Exception {
        Path file = dir.resolve("score.osc");
        Score.write(file, bundles);
        return Score.read(file, 48000);
    }

    @Test
    void dispatchesEachBundleBeforeTheBlockItFallsInAndWritesEveryBlock() throws Exception {
        // frames 0, 63, 64, 100, 640: blocks 0, 0, 1, 1, 10
        Score score = score(List.of(at(0, msg("/a")), at(63 / 48000.0, msg("/b")), at(64 / 48000.0, msg("/c")),
                at(100 / 48000.0, msg("/d")), at(640 / 48000.0, msg("/e"))));
        List<String> log = new ArrayList<>();
        AtomicLong blocks = new AtomicLong();
        Path out = dir.resolve("out.wav");
        OfflineDriver driver = new OfflineDriver(new DriverOptions(48000, 64, 2, 2), score,
                p -> log.add(((OSCMessage) ((OSCBundle) p).getPackets().get(0)).getAddress() + "@" + blocks.get()),
                out);
        assertEquals("offline", driver.name());
        assertEquals(11 * 64, driver.totalFrames());
        driver.start((in, o) -> {
            long b = blocks.getAndIncrement();
            log.add("block " + b + " on " + Thread.currentThread().getName());
            for (int f = 0; f < 64; f++) {
                o[0][f] = b * 64 + f; // the frame number
                o[1][f] = -in[0][f] - 1; // inputs are silent
            }
        });
        RenderResult r = driver.result().get(30, TimeUnit.SECONDS);
        driver.close();
        assertEquals(List.of("/a@0", "/b@0", "block 0 on methcla-rt", "/c@1", "/d@1", "block 1 on methcla-rt"),
                log.subList(0, 6));
        assertTrue(log.contains("/e@10") && log.indexOf("/e@10") == log.indexOf("block 10 on methcla-rt") - 1);
        assertEquals(11, blocks.get());
        assertEquals(11 * 64, r.frames());
        assertEquals(out, r.output());
        assertTrue(r.wallNanos() > 0 && r.realTimeFactor() > 0);
        WavFile.Audio a = WavFile.read(out);
        assertEquals(11 * 64, a.frames());
        for (int f = 0; f < a.frames(); f++) {
            assertEquals(f, a.channels()[0][f]);
            assertEquals(-1f, a.channels()[1][f]);
        }
        assertFalse(Files.exists(dir.resolve("out.wav.part")));
        assertFalse(DummyDriverTest.rtThreadAlive());
    }

    @Test
    void closingBeforeTheEndCancelsAndLeavesNoFile() throws Exception {
        Score score = score(List.of(at(0, msg("/a")), at(100, msg("/end"))));
        Path out = dir.resolve("cancelled.wav");
        OfflineDriver driver = new OfflineDriver(new DriverOptions(48000, 64, 0, 1), score, p -> { }, out);
        AtomicLong blocks = new AtomicLong();
        driver.start((in, o) -> {
            blocks.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (blocks.get() < 5) {
            Thread.sleep(1);
        }
        driver.close();
        CancellationException e = assertThrows(CancellationException.class,
                () -> driver.result().get(5, TimeUnit.SECONDS));
        assertTrue(e.getMessage().contains("closed at frame"), e.getMessage());
        assertTrue(driver.result().isCancelled());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("cancelled.wav.part")));
        assertFalse(DummyDriverTest.rtThreadAlive());
    }

    @Test
    void aFailingEngineFailsTheResult() throws Exception {
        Score score = score(List.of(at(1, msg("/a"))));
        Path out = dir.resolve("failed.wav");
        OfflineDriver driver = new OfflineDriver(new DriverOptions(48000, 64, 0, 1), score, p -> { }, out);
        IllegalStateException boom = new IllegalStateException("boom");
        driver.start((in, o) -> {
            throw boom;
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> driver.result().get(5, TimeUnit.SECONDS));
        assertSame(boom, e.getCause());
        driver.close();
        assertFalse(Files.exists(out));
        assertSame(boom, driver.failure());
    }

    @Test
    void theScoreMustBeAtTheRenderRate() throws Exception {
        Score score = score(List.of(at(1, msg("/a"))));
        assertThrows(IllegalArgumentException.class,
                () -> new OfflineDriver(new DriverOptions(44100, 64, 0, 2), score, p -> { }, dir.resolve("x.wav")));
    }

    /** A stand-in engine with asynchronous work: {@link #settle} is false {@code pending} more times. */
    private static final class Busy implements AudioCallback {
        final List<String> log = new ArrayList<>();
        int pending;
        long blocks;

        @Override
        public void process(float[][] in, float[][] out) {
            log.add("block " + blocks++);
            if (blocks == 2) {
                pending = 3; // block 1 hands out work that settles after three more steps
            }
        }

        @Override
        public boolean settle() {
            if (pending > 0) {
                pending--;
                log.add("busy");
                return false;
            }
            return true;
        }
    }

    @Test
    void waitsBeforeEachBlockAndAfterTheLastUntilTheEngineHasSettled() throws Exception {
        Score score = score(List.of(at(0, msg("/a")), at(192 / 48000.0, msg("/b"))));
        Busy engine = new Busy();
        engine.pending = 2; // work outstanding before block 0
        OfflineDriver driver = new OfflineDriver(new DriverOptions(48000, 64, 0, 1), score,
                p -> engine.log.add("dispatch"), dir.resolve("settled.wav"));
        driver.start(engine);
        driver.result().get(5, TimeUnit.SECONDS);
        driver.close();
        assertEquals(List.of("dispatch", "busy", "busy", "block 0", "block 1", "busy", "busy", "busy", "block 2",
                "dispatch", "block 3"), engine.log);
    }

    @Test
    void workThatNeverSettlesFailsTheRenderNamingTheBlock() throws Exception {
        Score score = score(List.of(at(0, msg("/a")), at(1, msg("/end"))));
        Path out = dir.resolve("stuck.wav");
        OfflineDriver driver = new OfflineDriver(new DriverOptions(48000, 64, 0, 1), score, p -> { }, out)
                .settleTimeout(200);
        AtomicLong blocks = new AtomicLong();
        long t0 = System.nanoTime();
        driver.start(new AudioCallback() {
            @Override
            public void process(float[][] in, float[][] o) {
                blocks.incrementAndGet();
            }

            @Override
            public boolean settle() {
                return blocks.get() < 3; // block 2 started work that never finishes
            }
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> driver.result().get(5, TimeUnit.SECONDS));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        driver.close();
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
        String m = e.getCause().getMessage();
        assertTrue(m.contains("still outstanding after 200 ms, before block 3 (frame 192, 0.004 s)"), m);
        assertEquals(3, blocks.get());
        assertTrue(ms >= 200 && ms < 3000, ms + " ms");
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("stuck.wav.part")));
    }

    @Test
    void closingWhileWaitingForTheEngineCancels() throws Exception {
        Score score = score(List.of(at(0, msg("/a")), at(1, msg("/end"))));
        Path out = dir.resolve("closed.wav");
        OfflineDriver driver = new OfflineDriver(new DriverOptions(48000, 64, 0, 1), score, p -> { }, out);
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        driver.start(new AudioCallback() {
            @Override
            public void process(float[][] in, float[][] o) {
            }

            @Override
            public boolean settle() {
                waiting.countDown();
                return false;
            }
        });
        assertTrue(waiting.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        driver.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 2000);
        assertThrows(CancellationException.class, () -> driver.result().get(5, TimeUnit.SECONDS));
        assertFalse(Files.exists(out));
    }
}
