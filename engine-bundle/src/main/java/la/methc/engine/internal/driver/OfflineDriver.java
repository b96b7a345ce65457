package la.methc.engine.internal.driver;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The {@code offline} driver: renders a {@link Score} to a 32-bit float WAV file as fast as it can, on its own
 * RT thread. Before each block it dispatches every bundle due before the block's end frame (in file order), so
 * the engine's scheduler places its commands sample-accurately within the block; then it computes the block
 * (inputs silent) and appends the hardware outputs to the file. Like {@code scsynth -N} it renders up to the
 * last bundle's time: through the block that contains the latest bundle time, so the file has
 * {@code (lastFrame / blockSize + 1) · blockSize} frames (none for an empty score).
 *
 * <p>The output is deterministic: the same score and engine give the same file, byte for byte, as long as no
 * synth depends on work done on other threads (worker round trips complete at wall-clock times).
 *
 * <p>The file is written as {@code OUT.part} beside the output and renamed when complete, so a failed or
 * cancelled render leaves no partial output. {@link #result()} completes when the file is in place, or
 * exceptionally on an error or with a {@link CancellationException} when the driver is closed first.
 */
public final class OfflineDriver extends RtThreadDriver {

    public static final String NAME = "offline";

    private final Score score;
    private final Consumer<OSCPacket> dispatch;
    private final Path output;
    private final long totalBlocks;
    private final float[][] inputs;
    private final float[][] outputs;
    private final CompletableFuture<RenderResult> result = new CompletableFuture<>();

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

    @Override
    void loop(AudioCallback callback) throws IOException {
        long t0 = System.nanoTime();
        int blockSize = options.blockSize();
        List<Score.Entry> entries = score.entries();
        int numEntries = entries.size();
        int next = 0;
        long frame = 0;
        Path part = output.resolveSibling(output.getFileName() + ".part");
        boolean complete = false;
        try {
            try (WavFile.Writer wav = WavFile.Writer.create(part, options.sampleRate(), options.numOutputs())) {
                for (long b = 0; b < totalBlocks && running; b++) {
                    long blockEnd = frame + blockSize;
                    while (next < numEntries && entries.get(next).frame() < blockEnd) {
                        OSCBundle bundle = entries.get(next++).bundle();
                        dispatch.accept(bundle);
                    }
                    callback.process(inputs, outputs);
                    wav.write(outputs, blockSize);
                    frame = blockEnd;
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
