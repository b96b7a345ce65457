package la.methc.engine.internal.driver;

import la.methc.plugins.testkit.JitQuiet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

class JavaSoundDriverTest {

    @Test
    void convertsFloatsToClippedLittleEndianPcm16() {
        float[][] channels = {{0f, 1f, -1f, 2f, -3f, 0.5f, Float.NaN}, {0.25f, -0.25f, 1e-6f, -1e-6f, 0f, 0f, 0f}};
        byte[] pcm = new byte[7 * 2 * 2];
        JavaSoundDriver.toPcm16(channels, pcm);
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        short[] left = new short[7];
        short[] right = new short[7];
        for (int f = 0; f < 7; f++) {
            left[f] = b.getShort();
            right[f] = b.getShort();
        }
        assertArrayEquals(new short[] {0, 32767, -32767, 32767, -32767, 16384, 0}, left);
        assertArrayEquals(new short[] {8192, -8192, 0, 0, 0, 0, 0}, right);
    }

    @Test
    void convertsPcm16ToFloats() {
        ByteBuffer b = ByteBuffer.allocate(3 * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 16384).putShort((short) -32768).putShort((short) 1).putShort((short) 32767)
                .putShort((short) 0).putShort((short) -1);
        float[][] channels = new float[2][3];
        JavaSoundDriver.fromPcm16(b.array(), channels);
        assertArrayEquals(new float[] {0.5f, 1 / 32768f, 0f}, channels[0]);
        assertArrayEquals(new float[] {-1f, 32767 / 32768f, -1 / 32768f}, channels[1]);
    }

    /**
     * Needs a real line, or the virtual one of {@code scripts/headless-audio.sh start DIR} with {@code HOME=DIR}
     * (JACK's dummy backend, real-time). Skipped where no line opens, as on a machine without a sound card.
     */
    @Test
    void runsOnARealLine() throws Exception {
        DriverOptions options = new DriverOptions(48000, 64, 0, 2);
        JavaSoundDriver driver;
        try {
            driver = JavaSoundDriver.open(options);
        } catch (LineUnavailableException | IllegalArgumentException e) {
            assumeTrue(false, "no audio line: " + e.getMessage());
            return;
        }
        AtomicLong blocks = new AtomicLong();
        double[] phase = new double[1];
        long t0 = System.nanoTime();
        try {
            assertEquals("javasound", driver.name());
            driver.start((in, out) -> {
                for (int i = 0; i < out[0].length; i++) {
                    out[0][i] = out[1][i] = (float) (0.1 * Math.sin(phase[0]));
                    phase[0] += 2 * Math.PI * 440 / 48000;
                }
                blocks.incrementAndGet();
            });
            Thread.sleep(1000);
        } finally {
            driver.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double audio = blocks.get() * 64 / 48000.0;
        double buffer = driver.bufferFrames() / 48000.0;
        System.out.printf("javasound: %.3f s of audio in %.3f s (buffer %d frames)%n", audio, seconds,
                driver.bufferFrames());
        assertFalse(driver.outputFailed(), "the line stalled");
        // the line paces the loop: no faster than real time (plus the buffer it fills at once), not much slower
        assertTrue(audio <= seconds + buffer + 0.02 && audio >= 0.8 * seconds,
                audio + " s of audio in " + seconds + " s with a buffer of " + buffer + " s");
        assertFalse(driver.isRunning());
        assertFalse(DummyDriverTest.rtThreadAlive());
    }

    private static final AudioFormat STEREO = JavaSoundDriver.format(48000, 2);

    @Test
    void writesWholeBlocksInTheChunksTheLineHasRoomFor() throws Exception {
        FakeLines.Output line = new FakeLines.Output(STEREO, 512, 256, 64 * 100 * 4);
        line.mode = FakeLines.Mode.UNPACED;
        line.chunkBytes = 5 * 4 + 3; // five frames and a bit: the driver writes whole frames only
        AtomicLong blocks = new AtomicLong();
        JavaSoundDriver driver = new JavaSoundDriver(new DriverOptions(48000, 64, 0, 2), line, null, 1000);
        try {
            // a ramp, so that order and interleaving show: left frame k is k, right is -k (in 1/32767)
            driver.start((in, out) -> {
                long b = blocks.getAndIncrement();
                for (int i = 0; i < 64; i++) {
                    long k = (b * 64 + i) % 30000;
                    out[0][i] = k / 32767f;
                    out[1][i] = -k / 32767f;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (line.capturedBytes() < line.captured.length && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            driver.close();
        }
        assertEquals(line.captured.length, line.capturedBytes(), "100 blocks written within 5 s");
        ByteBuffer pcm = ByteBuffer.wrap(line.captured).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < 6400; k++) {
            assertEquals(k, pcm.getShort(), "left, frame " + k);
            assertEquals(-k, pcm.getShort(), "right, frame " + k);
        }
        assertTrue(line.closed, "the line is closed with the driver");
        assertFalse(driver.outputFailed());
    }

    @Test
    void isPacedByTheLine() throws Exception {
        FakeLines.Output line = new FakeLines.Output(STEREO, 512, 256, 0);
        AtomicLong blocks = new AtomicLong();
        JavaSoundDriver driver = new JavaSoundDriver(new DriverOptions(48000, 64, 0, 2), line, null, 1000);
        long t0 = System.nanoTime();
        try {
            driver.start((in, out) -> blocks.incrementAndGet());
            Thread.sleep(400);
        } finally {
            driver.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double audio = blocks.get() * 64 / 48000.0;
        // at most the buffer ahead of the device, which moves 256 frames per 256 frames of time
        assertTrue(audio <= seconds + 512 / 48000.0 + 0.01 && audio >= 0.8 * seconds,
                audio + " s of audio in " + seconds + " s");
        // parked while the line is full: a few polls per block, not a spin
        assertTrue(line.availableCalls.get() < 10 * blocks.get(),
                line.availableCalls.get() + " calls of available() for " + blocks.get() + " blocks");
    }

    /**
     * A device that goes away (a JACK server that stopped: the line neither moves nor fails): the driver
     * notices after the stall time, logs, and goes on paced by the clock, so the engine keeps running and
     * closes at once.
     */
    @Test
    void goesOnPacedByTheClockWhenTheOutputLineStalls() throws Exception {
        assertGoesOnByTheClock(FakeLines.Mode.GONE);
    }

    /** A device whose every write fails at once (ALSA, a card unplugged): no spinning, the same way out. */
    @Test
    void goesOnPacedByTheClockWhenEveryWriteFails() throws Exception {
        assertGoesOnByTheClock(FakeLines.Mode.FAILING);
    }

    private static void assertGoesOnByTheClock(FakeLines.Mode failure) throws Exception {
        FakeLines.Output line = new FakeLines.Output(STEREO, 512, 256, 0);
        AtomicLong blocks = new AtomicLong();
        JavaSoundDriver driver = new JavaSoundDriver(new DriverOptions(48000, 64, 2, 2), line, null, 150);
        try {
            driver.start((in, out) -> blocks.incrementAndGet());
            Thread.sleep(100);
            line.become(failure);
            long failedAt = System.nanoTime();
            long callsBefore = line.availableCalls.get() + line.transfers.get();
            long deadline = failedAt + TimeUnit.SECONDS.toNanos(2);
            while (!driver.outputFailed() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double noticed = (System.nanoTime() - failedAt) / 1e9;
            assertTrue(driver.outputFailed(), "the stall of the line is noticed");
            assertTrue(noticed >= 0.14 && noticed < 0.5, "noticed after " + noticed + " s (stall time 0.15 s)");
            long calls = line.availableCalls.get() + line.transfers.get() - callsBefore;
            assertTrue(calls < 500, calls + " calls to the stalled line in " + noticed + " s: it spins");
            // the engine goes on in real time
            long b0 = blocks.get();
            long t0 = System.nanoTime();
            Thread.sleep(300);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double audio = (blocks.get() - b0) * 64 / 48000.0;
            assertTrue(Math.abs(audio - seconds) < 0.25 * seconds, audio + " s of audio in " + seconds + " s");
            assertEquals(0, line.availableCalls.get() + line.transfers.get() - callsBefore - calls,
                    "the failed line is left alone");
        } finally {
            long t0 = System.nanoTime();
            driver.close();
            assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(500), "close returns at once");
        }
        assertTrue(line.closed);
        assertFalse(DummyDriverTest.rtThreadAlive());
    }

    @Test
    void inputsGoSilentWhenTheInputLineStalls() throws Exception {
        FakeLines.Output out = new FakeLines.Output(STEREO, 512, 256, 0);
        // every sample 0x1010 = 4112 / 32768
        FakeLines.Input in = new FakeLines.Input(STEREO, 512, 256, (byte) 0x10);
        AtomicLong blocks = new AtomicLong();
        AtomicLong loud = new AtomicLong();
        AtomicLong silent = new AtomicLong();
        JavaSoundDriver driver = new JavaSoundDriver(new DriverOptions(48000, 64, 2, 2), out, in, 150);
        assertTrue(driver.hasInputLine());
        try {
            driver.start((inputs, outputs) -> {
                blocks.incrementAndGet();
                if (inputs[0][0] == 4112 / 32768f && inputs[1][63] == 4112 / 32768f) {
                    loud.incrementAndGet();
                } else if (inputs[0][0] == 0f && inputs[1][63] == 0f) {
                    silent.incrementAndGet();
                }
            });
            Thread.sleep(100);
            assertTrue(loud.get() > 0, "the input line's samples arrive");
            in.become(FakeLines.Mode.GONE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!driver.inputFailed() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(driver.inputFailed(), "the stall of the input line is noticed");
            long b0 = blocks.get();
            long t0 = System.nanoTime();
            Thread.sleep(200);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double audio = (blocks.get() - b0) * 64 / 48000.0;
            assertTrue(Math.abs(audio - seconds) < 0.25 * seconds, audio + " s of audio in " + seconds + " s");
            assertTrue(silent.get() > 0.5 * (blocks.get() - b0), "silent inputs after the stall");
            assertFalse(driver.outputFailed(), "the output goes on");
        } finally {
            driver.close();
        }
        assertTrue(in.closed && out.closed);
    }

    @Test
    void steadyStateAllocatesNothingOnTheRtThread() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        FakeLines.Output out = new FakeLines.Output(STEREO, 512, 64, 0);
        FakeLines.Input in = new FakeLines.Input(STEREO, 512, 64, (byte) 1);
        AtomicReference<Thread> rt = new AtomicReference<>();
        AtomicLong count = new AtomicLong();
        // 16-frame blocks: many blocks in little time
        JavaSoundDriver driver = new JavaSoundDriver(new DriverOptions(48000, 16, 2, 2), out, in, 1000);
        try {
            driver.start((inputs, outputs) -> {
                rt.compareAndSet(null, Thread.currentThread());
                count.incrementAndGet();
            });
            while (count.get() < 1500) {
                Thread.sleep(10);
            }
            JitQuiet.await();
            // HotSpot resolves a class's string constants on the thread that asks for its first C2 compile: a
            // few bytes once, during warm-up. A steady-state allocation would show in every window.
            long id = rt.get().getId();
            List<Long> windows = new ArrayList<>();
            for (int w = 0; w < 10 && (windows.isEmpty() || windows.get(windows.size() - 1) != 0); w++) {
                long before = threads.getThreadAllocatedBytes(id);
                long start = count.get();
                while (count.get() < start + 1000) {
                    Thread.sleep(10);
                }
                windows.add(threads.getThreadAllocatedBytes(id) - before);
            }
            assertEquals(0, windows.get(windows.size() - 1),
                    "bytes allocated by the javasound driver's RT thread in windows of 1000 blocks: " + windows);
        } finally {
            driver.close();
        }
    }
}
