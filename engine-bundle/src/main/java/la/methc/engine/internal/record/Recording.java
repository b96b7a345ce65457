package la.methc.engine.internal.record;

import com.illposed.osc.OSCMessage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import la.methc.engine.internal.agent.Agent;
import la.methc.engine.internal.agent.AgentRunner;
import la.methc.engine.internal.agent.IdleStrategy;
import la.methc.engine.internal.osc.Client;
import org.jctools.queues.SpscArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording of the hardware outputs into one file. RT {@linkplain #capture captures} each block into a block
 * of a preallocated pool and hands it to the disk thread ({@code methcla-recorder}), which writes it and gives it
 * back. When the disk falls behind and the pool runs dry, RT counts the blocks it could not hand over; the disk
 * thread writes silence in their place (so the file keeps the engine's timeline), logs it at most once a second, and
 * the stop reply reports the count. The end is a preallocated marker block, so it always fits in the queue.
 */
public final class Recording implements Agent {

    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Where a recording's frames go: the WAV file (tests may slow it down). Disk thread. */
    public interface Sink extends Closeable {
        /** Appends frames {@code 0..frames-1} of {@code block[channel]}. */
        void write(float[][] block, int frames) throws IOException;
    }

    /**
     * How a recording ended: the frames in the file (silence for lost blocks included), the blocks lost, why
     * writing failed (null if it did not), whether it was dropped before it started (the file is removed then).
     */
    public record Outcome(Path path, long frames, long lostBlocks, String failure, boolean dropped) {
    }

    /** A block of frames on its way to the disk thread, with what RT lost just before it. */
    private static final class Block {
        final float[][] data;
        int count;
        long lostFrames;
        long lostBlocks;
        boolean dropped;

        Block(int channels, int blockSize) {
            data = new float[channels][blockSize];
        }
    }

    private final Path path;
    private final int channels;
    private final int sampleRate;
    private final SpscArrayQueue<Block> free;
    private final SpscArrayQueue<Block> filled;
    private final Block end;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final Consumer<Recording> released;
    private final AgentRunner disk;
    private Sink sink;

    // RT
    private int from;
    private int until = -1;
    private long lostFrames;
    private long lostBlocks;
    /** Set on RT by the start; read by NRT only once RT has stopped. */
    volatile boolean started;
    /** Who the disk thread answers itself when RT could not hand the stop's reply to a worker (null: nobody). */
    private Client directReply;

    // disk thread
    private final float[][] silence;
    private long framesWritten;
    private long blocksLost;
    private IOException failure;
    private long lastWarn = System.nanoTime() - WARN_INTERVAL_NANOS;
    private long lostSinceWarn;

    Recording(Path path, int channels, int sampleRate, int blockSize, int poolBlocks, Consumer<Recording> released) {
        this.path = path;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.released = released;
        free = new SpscArrayQueue<>(poolBlocks);
        filled = new SpscArrayQueue<>(poolBlocks + 1); // room for every block and the end marker
        for (int i = 0; i < poolBlocks; i++) {
            free.offer(new Block(channels, blockSize));
        }
        end = new Block(0, 0);
        silence = new float[channels][blockSize];
        disk = new AgentRunner(this, IdleStrategy.parking(1_000_000), "methcla-recorder");
    }

    /** NRT, once: the file is open; the disk thread starts. */
    void open(Sink opened) {
        sink = opened;
        disk.start();
    }

    /** Any thread. The file, real and absolute. */
    public Path path() {
        return path;
    }

    public int channels() {
        return channels;
    }

    // ---------------------------------------------------------------- RT

    /** RT. The recording starts {@code offset} frames into the current block. */
    void start(int offset) {
        from = offset;
        started = true;
    }

    /** RT. The recording ends {@code offset} frames into the current block; false if it is ending already. */
    boolean stopAt(int offset) {
        if (until >= 0) {
            return false;
        }
        until = Math.max(offset, from);
        return true;
    }

    /**
     * RT, once the block's outputs are final: hands its frames over (from the start offset, up to the stop offset)
     * or counts them lost when no block is free. True when the recording ended with this block.
     */
    boolean capture(float[][] outputs, int blockSize) {
        int count = (until >= 0 ? until : blockSize) - from;
        if (count > 0) {
            Block b = free.relaxedPoll();
            if (b == null) {
                lostFrames += count;
                lostBlocks++;
            } else {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(outputs[c], from, b.data[c], 0, count);
                }
                b.count = count;
                handOver(b);
            }
        }
        from = 0;
        if (until >= 0) {
            end(false);
            return true;
        }
        return false;
    }

    private void handOver(Block b) {
        b.lostFrames = lostFrames;
        b.lostBlocks = lostBlocks;
        lostFrames = 0;
        lostBlocks = 0;
        filled.offer(b);
    }

    /** RT. Whether a block is free for the next block (an offline render waits for one: it loses nothing). */
    boolean hasRoom() {
        return !free.isEmpty();
    }

    /**
     * RT, or NRT once RT no longer runs (shutdown, a start the engine refused): hands the end marker over once.
     * {@code dropped}: the recording never started, its file is removed.
     */
    void end(boolean dropped) {
        if (ended.compareAndSet(false, true)) {
            end.dropped = dropped;
            handOver(end);
        }
    }

    /** RT, when no worker can take the stop's reply: the disk thread sends it after closing the file. */
    void replyDirectly(Client client) {
        directReply = client;
    }

    // ---------------------------------------------------------------- NRT

    /** NRT. Waits up to {@code timeoutMs} for the file to be closed; null on timeout. */
    public Outcome await(long timeoutMs) {
        try {
            return outcome.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** NRT. The reply to {@code /output/record/stop} for {@code outcome} (null: the file did not close in time). */
    public static OSCMessage stopReply(Path path, Outcome outcome) {
        if (outcome == null) {
            return new OSCMessage("/error", List.of(OutputRecorder.STOP, -1, "recording to " + path
                    + " did not close in time; the disk thread is stuck"));
        }
        if (outcome.failure() != null) {
            return new OSCMessage("/error", List.of(OutputRecorder.STOP, -1, "recording to " + path + " failed: "
                    + outcome.failure() + " (" + outcome.frames() + " frames written)"));
        }
        return new OSCMessage("/done", List.of(OutputRecorder.STOP, (int) Math.min(Integer.MAX_VALUE,
                outcome.frames()), (int) Math.min(Integer.MAX_VALUE, outcome.lostBlocks())));
    }

    // ---------------------------------------------------------------- the disk thread

    @Override
    public int doWork() {
        Block b = filled.relaxedPoll();
        if (b == null) {
            return 0;
        }
        lost(b);
        if (b == end) {
            finish();
            return 1;
        }
        write(b.data, b.count);
        free.offer(b);
        return 1;
    }

    /** Writes silence for the frames RT lost before {@code b}, and says so at most once a second. */
    private void lost(Block b) {
        if (b.lostBlocks == 0) {
            return;
        }
        blocksLost += b.lostBlocks;
        lostSinceWarn += b.lostBlocks;
        for (long left = b.lostFrames; left > 0; left -= silence[0].length) {
            write(silence, (int) Math.min(left, silence[0].length));
        }
        long now = System.nanoTime();
        if (now - lastWarn >= WARN_INTERVAL_NANOS) {
            LOG.warn("recording to {}: the disk fell behind, {} blocks lost (silence in their place), {} so far",
                    path, lostSinceWarn, blocksLost);
            lastWarn = now;
            lostSinceWarn = 0;
        }
    }

    private void write(float[][] block, int frames) {
        if (failure != null) {
            return;
        }
        try {
            sink.write(block, frames);
            framesWritten += frames;
        } catch (IOException e) {
            failure = e;
            LOG.error("recording to {} failed after {} frames; the rest is not written", path, framesWritten, e);
        }
    }

    private void finish() {
        try {
            sink.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
                LOG.error("recording to {}: closing the file failed", path, e);
            }
        }
        if (end.dropped) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("recording to {} never started; its file could not be removed", path, e);
            }
            LOG.info("recording to {} dropped before it started; file removed", path);
        } else if (blocksLost > 0) {
            LOG.warn("recording to {} closed: {} frames ({} s), {} blocks lost to a slow disk (silence in their place)",
                    path, framesWritten, framesWritten / (double) sampleRate, blocksLost);
        } else {
            LOG.info("recording to {} closed: {} frames ({} s)", path, framesWritten, framesWritten / (double) sampleRate);
        }
        disk.stop();
        released.accept(this); // a new recording may start once the stop is answered
        Outcome o = new Outcome(path, framesWritten, blocksLost, failure == null ? null : failure.toString(), end.dropped);
        outcome.complete(o);
        Client reply = directReply;
        if (reply != null) {
            reply.send(stopReply(path, o));
        }
    }
}
