package la.methc.engine.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The recorder's hand-over, driven block by block from the test thread (as RT): a disk that falls behind loses
 * blocks, which are counted, reported and replaced by silence; nothing is lost while the pool has room.
 */
class OutputRecorderTest {

    private static final int BLOCK = 4;

    /** Keeps what it is given; its first write waits until {@link #release} counts down. */
    private static final class SlowSink implements Recording.Sink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Float> frames = new ArrayList<>();
        boolean closed;

        @Override
        public void write(float[][] block, int count) throws IOException {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            for (int f = 0; f < count; f++) {
                frames.add(block[0][f]);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Block {@code n}: every frame of channel 0 is n + 1. */
    private static float[][] block(int n) {
        float[][] out = new float[2][BLOCK];
        java.util.Arrays.fill(out[0], n + 1);
        return out;
    }

    @Test
    void aDiskThatFallsBehindLosesBlocksCountedAndSilenced() throws Exception {
        SlowSink sink = new SlowSink();
        OutputRecorder recorder = new OutputRecorder(48000, BLOCK, 2, 2, (p, c, r) -> sink);
        Recording r = recorder.open(Path.of("/nowhere/slow.wav"), 1);
        recorder.start(r, 0);
        // the disk thread takes block 0 and waits in its write; block 1 fills the pool's other block; 2..5 are lost
        recorder.tap(block(0));
        assertTrue(sink.entered.await(5, TimeUnit.SECONDS), "the disk thread took block 0");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        recorder.tap(block(1));
        assertFalse(recorder.hasRoom(), "both blocks are with the disk thread");
        for (int n = 2; n < 6; n++) {
            recorder.tap(block(n));
        }
        sink.release.countDown();
        while (!recorder.hasRoom() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        recorder.tap(block(6));
        assertEquals(r, recorder.stop(BLOCK / 2));
        assertNull(recorder.stop(0), "a second stop in the block finds nothing to stop");
        // the disk thread may still hold block 6: wait for a free block, or block 7 would be lost too
        while (!recorder.hasRoom() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        recorder.tap(block(7));
        Recording.Outcome o = r.await(5000);
        assertNotNull(o);
        assertEquals(4, o.lostBlocks());
        assertEquals(7 * BLOCK + BLOCK / 2, o.frames());
        assertTrue(sink.closed);
        List<Float> expected = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            float v = n >= 2 && n < 6 ? 0f : n + 1;
            for (int f = 0; f < (n == 7 ? BLOCK / 2 : BLOCK); f++) {
                expected.add(v);
            }
        }
        assertEquals(expected, sink.frames);
        assertNull(recorder.current(), "free again once the file is closed");
        assertEquals("/done", RecordingDisk.stopReply(r.path(), o).getAddress());
        assertEquals(List.of(RecorderText.STOP, 30, 4), RecordingDisk.stopReply(r.path(), o).getArguments());
    }

    @Test
    void closingAnUnstartedRecordingDropsIt() throws Exception {
        SlowSink sink = new SlowSink();
        sink.release.countDown();
        OutputRecorder recorder = new OutputRecorder(48000, BLOCK, 2, 8, (p, c, r) -> sink);
        recorder.open(Path.of("/nowhere/never.wav"), 2);
        Recording.Outcome o = recorder.close(5000);
        assertTrue(o.dropped());
        assertEquals(0, o.frames());
        assertNull(recorder.current());
    }

    @Test
    void aFailingDiskIsReportedAtTheStop() throws Exception {
        OutputRecorder recorder = new OutputRecorder(48000, BLOCK, 2, 8, (p, c, r) -> new Recording.Sink() {
            @Override
            public void write(float[][] block, int frames) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        });
        Recording r = recorder.open(Path.of("/nowhere/full.wav"), 2);
        recorder.start(r, 0);
        recorder.tap(block(0));
        recorder.stop(0);
        recorder.tap(block(1));
        var reply = RecordingDisk.stopReply(r.path(), r.await(5000));
        assertEquals("/error", reply.getAddress());
        assertTrue(reply.getArguments().get(2).toString().contains("No space left on device"), reply.getArguments()
                .toString());
    }
}
