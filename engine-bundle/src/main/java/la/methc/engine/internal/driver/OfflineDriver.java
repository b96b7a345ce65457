package la.methc.engine.internal.driver;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import la.methc.api.wav.WavWriter;

/**
 * The {@code offline} driver: renders a {@link Score} to a 32-bit float WAV file as fast as it can, on its own
 * RT thread. Before each block it dispatches the bundles due in it and waits until the engine has no work
 * outstanding on other threads ({@link AudioCallback#settle}, at most {@value #SETTLE_TIMEOUT_MS} ms a block by
 * default), so the same score gives the same file, byte for byte. {@link #result()} completes when the file is
 * in place. The file's length, the wait and the {@code .part} file: {@code docs/rendering.md}.
 */
public final class OfflineDriver extends RtThreadDriver {

    public static final String NAME = "offline";

    /** How long, by default, the driver waits before a block for asynchronous work to finish. */
    public static final long SETTLE_TIMEOUT_MS = 10_000;
    /** Busy-waits this many times before parking between two settle steps. */
    private static final int SPINS = 200;
    private static final long PARK_NANOS = 20_000;

    private final Score score;
    private final Consumer<OSCPacket> dispatch;
    private final Path output;
    private final long totalBlocks;
    private final float[][] inputs;
    private final float[][] outputs;
    private final CompletableFuture<RenderResult> result = new CompletableFuture<>();
    private volatile long settleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);

    /**
     * @param options format of the render; the sample rate must be the score's
     * @param dispatch receives each bundle on the render thread, before the block it falls in, e.g.
     *     {@code packet -> dispatcher.onPacket(packet, client)}
     * @param output the WAV file to write (replaced if it exists)
     */
    public OfflineDriver(DriverOptions options, Score score, Consumer<OSCPacket> dispatch, Path output) {
        super(NAME, options);
        this.score = Objects.requireNonNull(score, "score");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.output = Objects.requireNonNull(output, "output");
        if (score.sampleRate() != options.sampleRate()) {
            throw new IllegalArgumentException("score frames are at " + score.sampleRate() + " Hz, the render at "
                    + options.sampleRate() + " Hz");
        }
        if (options.numOutputs() == 0) {
            throw new IllegalArgumentException("the offline driver needs at least one output channel");
        }
        totalBlocks = score.lastFrame() < 0 ? 0 : score.lastFrame() / options.blockSize() + 1;
        inputs = new float[options.numInputs()][options.blockSize()];
        outputs = new float[options.numOutputs()][options.blockSize()];
    }

    /** Completes when the WAV file is written; exceptionally on error or when closed before the end. */
    public CompletableFuture<RenderResult> result() {
        return result;
    }

    /** Frames the render will produce. */
    public long totalFrames() {
        return totalBlocks * options.blockSize();
    }

    public Score score() {
        return score;
    }

    public Path output() {
        return output;
    }

    /** Sets how long the driver waits before a block for asynchronous work to finish (before start). */
    public OfflineDriver settleTimeout(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("settle timeout must be positive: " + millis);
        }
        settleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        return this;
    }

    @Override
    void loop(AudioCallback callback) throws IOException {
        long t0 = System.nanoTime();
        int blockSize = options.blockSize();
        int next = 0;
        long frame = 0;
        Path part = output.resolveSibling(output.getFileName() + ".part");
        boolean complete = false;
        try {
            try (WavWriter wav = WavWriter.create(part, options.sampleRate(), options.numOutputs())) {
                for (long b = 0; b < totalBlocks && running; b++) {
                    next = block(callback, wav, b, next);
                    if (next < 0) {
                        break; // closed while waiting
                    }
                    frame += blockSize;
                }
                // the work the last block started (a free in the last bundle) finishes before the render does
                if (frame == totalFrames() && totalBlocks > 0) {
                    settle(callback, totalBlocks, frame);
                }
            }
            if (frame < totalFrames()) {
                result.completeExceptionally(new CancellationException("offline render of " + score.source()
                        + " closed at frame " + frame + " of " + totalFrames()));
                return;
            }
            move(part, output);
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(part);
            }
        }
        long wall = Math.max(1, System.nanoTime() - t0);
        double audioSeconds = (double) frame / options.sampleRate();
        result.complete(new RenderResult(frame, wall, audioSeconds / (wall / 1e9), output));
    }

    /**
     * RT. Block {@code b}: dispatches the score's bundles from entry {@code next} that fall before its end, waits
     * for asynchronous work, processes it and writes it. Returns the next entry, or -1 when the driver was closed
     * while waiting. A method of its own so that the JIT compiles it: a render's loop over blocks runs fewer times
     * than the JIT's threshold for compiling a loop while it runs, so a body inside it stayed interpreted for the
     * whole render.
     */
    private int block(AudioCallback callback, WavWriter wav, long b, int next) throws IOException {
        int blockSize = options.blockSize();
        long frame = b * blockSize;
        long blockEnd = frame + blockSize;
        List<Score.Entry> entries = score.entries();
        int n = next;
        while (n < entries.size() && entries.get(n).frame() < blockEnd) {
            OSCBundle bundle = entries.get(n++).bundle();
            dispatch.accept(bundle);
        }
        if (!settle(callback, b, frame)) {
            return -1;
        }
        callback.process(inputs, outputs);
        wav.write(outputs, blockSize);
        return n;
    }

    /**
     * RT. Waits until the engine has no asynchronous work outstanding: spins a little, then parks briefly
     * between steps. False when the driver was closed meanwhile.
     *
     * @throws IllegalStateException when the work did not finish within the settle timeout
     */
    private boolean settle(AudioCallback callback, long block, long frame) {
        if (callback.settle()) {
            return true;
        }
        long start = System.nanoTime();
        long timeout = settleTimeoutNanos;
        int spins = 0;
        while (!callback.settle()) {
            if (!running) {
                return false;
            }
            if (System.nanoTime() - start > timeout) {
                throw stuck(block, frame, timeout);
            }
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
        return true;
    }

    private IllegalStateException stuck(long block, long frame, long timeoutNanos) {
        String where = block < totalBlocks ? "before block " + block : "after the last block";
        return new IllegalStateException(String.format(Locale.ROOT, "offline render of %s: asynchronous work "
                + "(a Resource construct or destroy, a perform dispatch or another worker job, or its reply to RT) "
                + "still outstanding after %d ms, %s (frame %d, %.3f s); the render stops rather than depend on "
                + "when it finishes", score.source(), TimeUnit.NANOSECONDS.toMillis(timeoutNanos), where, frame,
                frame / (double) options.sampleRate()));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    void failed(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    void release() {
        result.completeExceptionally(new CancellationException("offline driver closed before the render ended"));
    }
}
