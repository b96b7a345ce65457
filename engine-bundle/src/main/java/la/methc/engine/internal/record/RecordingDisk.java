package la.methc.engine.internal.record;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import la.methc.engine.internal.agent.Agent;
import la.methc.engine.internal.agent.AgentRunner;
import la.methc.engine.internal.agent.IdleStrategy;
import la.methc.engine.internal.osc.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NRT half of a {@link Recording}: its disk thread ({@code methcla-recorder}), which writes the blocks RT hands
 * over, writes silence for the blocks RT lost (and logs that at most once a second), closes the file and finishes the
 * recording; and the text of the stop's reply. Kept apart from {@link Recording} so that the class RT runs every
 * block holds no String constant. Disk thread, except {@link #stopReply} (any NRT thread).
 */
public final class RecordingDisk implements Agent {

    /** Logs under {@link Recording}'s name, as operators read it. */
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Recording rec;
    private final int sampleRate;
    private final Consumer<Recording> released;
    private final AgentRunner disk;
    private final float[][] silence;
    private Recording.Sink out;
    private long framesWritten;
    private long blocksLost;
    private IOException failure;
    private long lastWarn = System.nanoTime() - WARN_INTERVAL_NANOS;
    private long lostSinceWarn;


    RecordingDisk(Recording rec, int channels, int sampleRate, int blockSize, Consumer<Recording> released) {
        this.rec = rec;
        this.sampleRate = sampleRate;
        this.released = released;
        silence = new float[channels][blockSize];
        disk = new AgentRunner(this, IdleStrategy.parking(1_000_000), "methcla-recorder");
    }

    /** NRT, once: the file is open; the disk thread starts. */
    void start(Recording.Sink opened) {
        out = opened;
        disk.start();
    }

    /** NRT. The reply to {@code /output/record/stop} for {@code outcome} (null: the file did not close in time). */
    public static OSCMessage stopReply(Path path, Recording.Outcome outcome) {
        if (outcome == null) {
            return new OSCMessage("/error", List.of(RecorderText.STOP, -1, "recording to " + path
                    + " did not close in time; the disk thread is stuck"));
        }
        if (outcome.failure() != null) {
            return new OSCMessage("/error", List.of(RecorderText.STOP, -1, "recording to " + path + " failed: "
                    + outcome.failure() + " (" + outcome.frames() + " frames written)"));
        }
        return new OSCMessage("/done", List.of(RecorderText.STOP, (int) Math.min(Integer.MAX_VALUE,
                outcome.frames()), (int) Math.min(Integer.MAX_VALUE, outcome.lostBlocks())));
    }

    @Override
    public int doWork() {
        Recording.Block b = rec.filled.relaxedPoll();
        if (b == null) {
            return 0;
        }
        lost(b);
        if (b == rec.end) {
            finish();
            return 1;
        }
        write(b.data, b.count);
        rec.free.offer(b);
        return 1;
    }

    /** Writes silence for the frames RT lost before {@code b}, and says so at most once a second. */
    private void lost(Recording.Block b) {
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
                    rec.path, lostSinceWarn, blocksLost);
            lastWarn = now;
            lostSinceWarn = 0;
        }
    }

    private void write(float[][] block, int frames) {
        if (failure != null) {
            return;
        }
        try {
            out.write(block, frames);
            framesWritten += frames;
        } catch (IOException e) {
            failure = e;
            LOG.error("recording to {} failed after {} frames; the rest is not written", rec.path, framesWritten, e);
        }
    }

    private void finish() {
        Path path = rec.path;
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
                LOG.error("recording to {}: closing the file failed", path, e);
            }
        }
        boolean dropped = rec.end.dropped;
        if (dropped) {
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
        released.accept(rec); // a new recording may start once the stop is answered
        Recording.Outcome o = new Recording.Outcome(path, framesWritten, blocksLost,
                failure == null ? null : failure.toString(), dropped);
        rec.outcome.complete(o);
        Client reply = rec.directReply;
        if (reply != null) {
            reply.send(stopReply(path, o));
        }
    }
}
