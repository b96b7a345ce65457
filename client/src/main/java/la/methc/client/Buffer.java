package la.methc.client;

import java.util.concurrent.CompletableFuture;

/**
 * An AudioBuffer the engine made ({@code /resource/ready} came): its id, and the {@code /buffer/…} commands on it
 * through the client that made it. Bind it to a synth by its id (e.g. the play synth's option or its
 * {@code buffer} parameter).
 */
public final class Buffer {

    private final MethclaClient client;
    private final int id;

    Buffer(MethclaClient client, int id) {
        this.client = client;
        this.id = id;
    }

    /** The Resource id. */
    public int id() {
        return id;
    }

    /** {@code /buffer/query}: channels, frames, sample rate. */
    public CompletableFuture<Reply.BufferInfo> query() {
        return client.bufferQuery(id);
    }

    /** {@code /buffer/read}: the sound file {@code path} of the sample root into it, from frame 0. */
    public CompletableFuture<Void> read(String path) {
        return client.bufferRead(id, path);
    }

    /** {@code /buffer/write}: it, as a 32-bit float WAV in the sample root. */
    public CompletableFuture<Void> write(String path) {
        return client.bufferWrite(id, path);
    }

    /** {@code /buffer/write}: it, as a WAV of {@code format} ({@code float}, {@code int16}, {@code int24}). */
    public CompletableFuture<Void> write(String path, String format) {
        return client.bufferWrite(id, path, format);
    }

    /** {@code /buffer/onsets}: the frames of its onsets. */
    public CompletableFuture<int[]> onsets(float threshold) {
        return client.bufferOnsets(id, threshold);
    }

    /** {@code /buffer/normalize}: scaled to {@code peak} into {@code target} (itself for in place). */
    public CompletableFuture<Void> normalizeInto(Buffer target, float peak) {
        return client.bufferNormalize(id, target.id, peak);
    }

    /** {@code /resource/free}: completes once it is destroyed. */
    public CompletableFuture<Void> free() {
        return client.freeResource(id);
    }

    @Override
    public String toString() {
        return "AudioBuffer " + id;
    }
}
