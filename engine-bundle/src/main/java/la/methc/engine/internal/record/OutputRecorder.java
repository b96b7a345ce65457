package la.methc.engine.internal.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import la.methc.api.wav.WavWriter;
import la.methc.engine.internal.osc.Client;

/**
 * The engine's recorder of its hardware outputs: at most one {@link Recording} at a time. A network thread
 * {@linkplain #open opens} one (claims the recorder, opens the file, starts its disk thread); RT starts it in the
 * block of the {@code /output/record/start}, {@linkplain #tap taps} the outputs after every block and ends it in
 * the block of the {@code /output/record/stop}; the recorder is free again once the disk thread closed the file.
 * Holds no String constant (its texts are in {@link RecorderText}): RT runs it every block.
 */
public final class OutputRecorder {

    /** The disk may fall this far behind RT before blocks are lost. */
    static final double POOL_SECONDS = 2.0;

    /** Opens the file of a recording. NRT. */
    public interface Sinks {
        Recording.Sink open(Path path, int channels, int sampleRate) throws IOException;
    }

    /** A 32-bit float WAV file, its folders below the sample root made as needed. */
    public static final Sinks WAV = (path, channels, sampleRate) -> {
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        WavWriter w = WavWriter.create(path, sampleRate, channels);
        return new Recording.Sink() {
            @Override
            public void write(float[][] block, int frames) throws IOException {
                w.write(block, frames);
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    };

    private final int sampleRate;
    private final int blockSize;
    private final int outputs;
    private final int poolBlocks;
    private final Sinks sinks;
    /** The recording from its open to its file's close. */
    private final AtomicReference<Recording> current = new AtomicReference<>();
    /** RT. The recording RT feeds. */
    private Recording active;

    public OutputRecorder(int sampleRate, int blockSize, int outputs) {
        this(sampleRate, blockSize, outputs, (int) Math.ceil(POOL_SECONDS * sampleRate / blockSize), WAV);
    }

    OutputRecorder(int sampleRate, int blockSize, int outputs, int poolBlocks, Sinks sinks) {
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
        this.outputs = outputs;
        this.poolBlocks = Math.max(2, poolBlocks);
        this.sinks = sinks;
    }

    /** Any thread. The hardware outputs, the most channels a recording may have. */
    public int outputs() {
        return outputs;
    }

    /** Any thread. The recording from its open to its file's close, or null. */
    public Recording current() {
        return current.get();
    }

    /**
     * NRT. Claims the recorder for {@code channels} outputs into {@code path} (checked against the sample root by
     * the caller), opens the file and starts the disk thread; RT starts recording once it performs the start.
     *
     * @throws IllegalArgumentException bad channels, or already recording (the message says which)
     * @throws IOException the file cannot be written
     */
    public Recording open(Path path, int channels) throws IOException {
        if (channels < 1 || channels > outputs) {
            throw new IllegalArgumentException(RecorderText.badChannels(outputs, channels));
        }
        Recording r = new Recording(path, channels, sampleRate, blockSize, poolBlocks, this::released);
        Recording other = current.compareAndExchange(null, r);
        if (other != null) {
            throw new IllegalArgumentException(RecorderText.alreadyRecording(other.path()));
        }
        try {
            r.open(sinks.open(path, channels, sampleRate));
        } catch (IOException | RuntimeException e) {
            current.compareAndSet(r, null);
            throw e;
        }
        return r;
    }

    /** The disk thread, once the file is closed: a new recording may start. */
    private void released(Recording r) {
        current.compareAndSet(r, null);
    }

    // ---------------------------------------------------------------- RT

    /** RT. {@code r} (opened) starts {@code offset} frames into this block. */
    public void start(Recording r, int offset) {
        if (active != null) {
            r.end(true); // cannot happen while open() claims the recorder; never two at once all the same
            return;
        }
        active = r;
        r.start(offset);
    }

    /** RT. Ends the recording {@code offset} frames into this block; returns it, or null when none runs. */
    public Recording stop(int offset) {
        Recording r = active;
        return r != null && r.stopAt(offset) ? r : null;
    }

    /** RT, or the network thread that opened it: {@code r} never starts, its file goes. */
    public static void drop(Recording r) {
        r.end(true);
    }

    /** RT: no worker could take the stop's reply to {@code client}; the disk thread sends it. */
    public static void replyDirectly(Recording r, Client client) {
        r.replyDirectly(client);
    }

    /** RT, after each block: the hardware outputs as the driver gets them. */
    public void tap(float[][] hardwareOutputs) {
        Recording r = active;
        if (r != null && r.capture(hardwareOutputs, blockSize)) {
            active = null;
        }
    }

    /** RT. Whether the next block can be handed over (an offline render waits until it can). */
    public boolean hasRoom() {
        Recording r = active;
        return r == null || r.hasRoom();
    }

    /**
     * NRT, once RT no longer runs (the driver stopped): ends a recording still open, so its file is a valid WAV,
     * and waits up to {@code timeoutMs} for it; a recording whose start never ran is dropped.
     */
    public Recording.Outcome close(long timeoutMs) {
        Recording r = current.get();
        if (r == null) {
            return null;
        }
        active = null;
        r.end(!r.started);
        return r.await(timeoutMs);
    }
}
