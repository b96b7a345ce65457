package la.methc.engine.internal.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import la.methc.engine.internal.osc.Client;
import org.jctools.queues.SpscArrayQueue;

/**
 * One recording of the hardware outputs into one file: its RT half. RT {@linkplain #capture captures} each block
 * into a block of a preallocated pool and hands it to the disk thread ({@link RecordingDisk}), which writes it and
 * gives it back. When the disk falls behind and the pool runs dry, RT counts the blocks it could not hand over; the
 * disk thread writes silence in their place (so the file keeps the engine's timeline) and the stop reply reports the
 * count. The end is a preallocated marker block, so it always fits in the queue. This class holds no String
 * constant (see {@code RtStringConstantsTest}): its texts and logging live in {@link RecordingDisk}.
 */
public final class Recording {

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
    static final class Block {
        final float[][] data;
        int count;
        long lostFrames;
        long lostBlocks;
        boolean dropped;

        Block(int channels, int blockSize) {
            data = new float[channels][blockSize];
        }
    }

    final Path path;
    private final int channels;
    final SpscArrayQueue<Block> free;
    final SpscArrayQueue<Block> filled;
    final Block end;
    private final AtomicBoolean ended = new AtomicBoolean();
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final RecordingDisk disk;

    // RT
    private int from;
    private int until = -1;
    private long lostFrames;
    private long lostBlocks;
    /** Set on RT by the start; read by NRT only once RT has stopped. */
    volatile boolean started;
    /**
     * Who the disk thread answers itself when RT could not hand the stop's reply to a worker (null: nobody). Written
     * on RT before the end marker's hand-over, which orders it before the disk thread's read.
     */
    Client directReply;

    Recording(Path path, int channels, int sampleRate, int blockSize, int poolBlocks, Consumer<Recording> released) {
        this.path = path;
        this.channels = channels;
        free = new SpscArrayQueue<>(poolBlocks);
        filled = new SpscArrayQueue<>(poolBlocks + 1); // room for every block and the end marker
        for (int i = 0; i < poolBlocks; i++) {
            free.offer(new Block(channels, blockSize));
        }
        end = new Block(0, 0);
        disk = new RecordingDisk(this, channels, sampleRate, blockSize, released);
    }

    /** NRT, once: the file is open; the disk thread starts. */
    void open(Sink opened) {
        disk.start(opened);
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
}
