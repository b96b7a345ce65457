package la.methc.client;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * A client of the Methcla/J engine over one {@link OscConnection}. The commands that need no answer are the typed
 * calls of {@link Commands}, sent at once; the requests that complete later return a {@link CompletableFuture}
 * that completes with the reply, or fails with a {@link ServerException} carrying the engine's reason, or with a
 * {@link java.util.concurrent.TimeoutException} after {@link #timeout(Duration) the timeout} (10 s unless set), or
 * with a {@link ConnectionClosedException} as soon as the connection closes (the engine closed a TCP connection).
 * Listeners get the notifications. {@link #close()} fails what still waits and ends the client's threads.
 *
 * <pre>{@code
 * try (MethclaClient c = MethclaClient.udp("127.0.0.1", 57110)) {
 *     int node = c.nodeIds().next();
 *     c.newSynth(SINE, node, 0, AddAction.TAIL, List.of(440f, 0.2f), List.of())
 *      .mapOutput(node, 0, 0, Flags.BUS_EXTERNAL).activate(node);
 *     c.sync().get();
 * }
 * }</pre>
 */
public final class MethclaClient implements Commands<MethclaClient>, AutoCloseable {

    /** The AudioBuffer ResourceDef's URI. */
    public static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";

    private static final String OUTPUT_RECORD_START = "/output/record/start";
    private static final String OUTPUT_RECORD_STOP = "/output/record/stop";

    /** A registered listener; {@link #close()} removes it. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final OscConnection connection;
    private final Requests requests;
    private final Listeners listeners = new Listeners();
    private final IdAllocator nodeIds = new IdAllocator(1000, Integer.MAX_VALUE);
    private final IdAllocator resourceIds = new IdAllocator(0, 1023);

    /**
     * A client over {@code connection}, which it closes when closed. When the connection closes first (the server
     * closed a TCP connection), what still waits fails with a {@link ConnectionClosedException}, as does what
     * follows.
     */
    public MethclaClient(OscConnection connection) {
        this.connection = connection;
        this.requests = new Requests(connection);
        connection.addListener(this::received);
    }

    /** A client over UDP to the engine at {@code host:port}. */
    public static MethclaClient udp(String host, int port) throws IOException {
        return new MethclaClient(OscConnection.udp(host, port));
    }

    /** A client over TCP to the engine at {@code host:port}. */
    public static MethclaClient tcp(String host, int port) throws IOException {
        return new MethclaClient(OscConnection.tcp(host, port));
    }

    /** Sets how long futures wait for their reply before failing (0: for ever). */
    public MethclaClient timeout(Duration timeout) {
        requests.timeout(timeout.toMillis());
        return this;
    }

    public OscConnection connection() {
        return connection;
    }

    /** Node ids from 1000 up, as SuperCollider's clients allocate them. */
    public IdAllocator nodeIds() {
        return nodeIds;
    }

    /** Resource ids from 0 to 1023 (the engine's default {@code maxResources} is 1024). */
    public IdAllocator resourceIds() {
        return resourceIds;
    }

    // ------------------------------------------------------------------ sending

    /** Sends {@code message} at once. @throws UncheckedIOException if it cannot be sent */
    @Override
    public MethclaClient add(OSCMessage message) {
        send(message);
        return this;
    }

    /** Sends {@code messages} as one bundle to run at once, so they take effect in the same block. */
    @Override
    public MethclaClient addAll(List<OSCMessage> messages) {
        Bundle b = Bundle.now();
        messages.forEach(b::add);
        send(b);
        return this;
    }

    /** Sends {@code packet} (a message or a bundle) at once. @throws UncheckedIOException if it cannot be sent */
    public void send(OSCPacket packet) {
        try {
            connection.send(packet);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send to " + connection.describe(), e);
        }
    }

    /** Sends {@code bundle}. */
    public void send(Bundle bundle) {
        send(bundle.toPacket());
    }

    /** Sends a bundle for {@code time} filled by {@code body}: its commands run together at that time. */
    public void at(Instant time, Consumer<Bundle> body) {
        Bundle b = Bundle.at(time);
        body.accept(b);
        send(b);
    }

    /** Sends a bundle to run at once, filled by {@code body}. */
    public void bundle(Consumer<Bundle> body) {
        Bundle b = Bundle.now();
        body.accept(b);
        send(b);
    }

    /**
     * Sends a bundle filled by {@code body} to run at once, then {@code /sync}: the future completes when every
     * command in it was performed, and fails with the first {@code /error} naming one of its addresses.
     */
    public CompletableFuture<Void> confirm(Consumer<Bundle> body) {
        Bundle b = Bundle.now();
        body.accept(b);
        return requests.confirm(b);
    }

    // ------------------------------------------------------------------ requests

    /** {@code /sync i:n}: completes once everything sent before has completed, asynchronous work included. */
    public CompletableFuture<Void> sync() {
        int n = requests.nextSync();
        return call("/sync", List.of(n), Replies.withId("/synced", n), m -> null, Replies.errorOn("/sync"));
    }

    /** {@code /notify i:0/1}: (un)registers this client for notifications. */
    public CompletableFuture<Void> notifications(boolean on) {
        return call("/notify", List.of(on ? 1 : 0), Replies.done("/notify", null), m -> null, Replies.errorOn("/notify"));
    }

    public CompletableFuture<Reply.Status> status() {
        return query("/status", List.of(), "/status.reply", Reply.Status::of);
    }

    public CompletableFuture<Reply.Version> version() {
        return query("/version", List.of(), "/version.reply", Reply.Version::of);
    }

    /** {@code /quit}: the engine answers {@code /done /quit}, then exits. */
    public CompletableFuture<Void> quit() {
        return call("/quit", List.of(), Replies.done("/quit", null), m -> null, Replies.errorOn("/quit"));
    }

    public CompletableFuture<Reply.SchedulerInfo> schedulerQuery() {
        return query("/scheduler/query", List.of(), "/scheduler/info", Reply.SchedulerInfo::of);
    }

    /** {@code /scheduler/clear}: drops every bundle waiting for its time. */
    public CompletableFuture<Void> schedulerClear() {
        return call("/scheduler/clear", List.of(), Replies.done("/scheduler/clear", null), m -> null,
                Replies.errorOn("/scheduler/clear"));
    }

    /** {@code /synthdef/list}: the URIs of every bound SynthDef. */
    public CompletableFuture<List<String>> synthDefs() {
        return query("/synthdef/list", List.of(), "/synthdef/list.reply", Reply::uris);
    }

    /** {@code /synthdef/info s:uri}: its ports in order. */
    public CompletableFuture<Reply.SynthDefInfo> synthDefInfo(String uri) {
        return call("/synthdef/info", List.of(uri), m -> m.getAddress().equals("/synthdef/info.reply")
                && !m.getArguments().isEmpty() && uri.equals(m.getArguments().get(0)), Reply.SynthDefInfo::of,
                Replies.errorOn("/synthdef/info"));
    }

    /** {@code /node/query i:id}. */
    public CompletableFuture<Reply.NodeInfo> queryNode(int node) {
        return call("/node/query", List.of(node), Replies.withId("/node/info", node), Reply.NodeInfo::of,
                Replies.errorOn("/node/query", node));
    }

    /** {@code /group/queryTree i:id}: the group and every node below it. */
    public CompletableFuture<Reply.TreeNode> queryTree(int group) {
        return call("/group/queryTree", List.of(group), Replies.withId("/group/queryTree.reply", group),
                Reply.TreeNode::of, Replies.errorOn("/group/queryTree", group));
    }

    /**
     * {@code /resource/new s:def i:id args…}: completes with the id on {@code /resource/ready}, fails on
     * {@code /resource/error} or {@code /error}.
     */
    public CompletableFuture<Integer> newResource(String def, int id, Object... args) {
        List<Object> all = new ArrayList<>(List.of(def, id));
        all.addAll(List.of(args));
        return call("/resource/new", all, Replies.withId("/resource/ready", id), m -> id,
                Replies.errorOn("/resource/new", id));
    }

    /** An AudioBuffer of {@code channels} × {@code frames} at the engine's sample rate. */
    public CompletableFuture<Buffer> allocBuffer(int id, int channels, int frames) {
        return newResource(AUDIO_BUFFER, id, channels, frames).thenApply(i -> new Buffer(this, i));
    }

    /** An AudioBuffer of {@code channels} × {@code frames} at {@code sampleRate}. */
    public CompletableFuture<Buffer> allocBuffer(int id, int channels, int frames, float sampleRate) {
        return newResource(AUDIO_BUFFER, id, channels, frames, sampleRate).thenApply(i -> new Buffer(this, i));
    }

    /**
     * An AudioBuffer made from the sound file {@code path} in the sample root, read on a worker: its channels, frames
     * and sample rate (as scsynth's {@code /b_allocRead}). Fails with the engine's reason (no such file, …).
     */
    public CompletableFuture<Buffer> allocBuffer(int id, String path) {
        return newResource(AUDIO_BUFFER, id, path).thenApply(i -> new Buffer(this, i));
    }

    /**
     * As {@link #allocBuffer(int, String)}: the file's frames from {@code startFrame}, at most {@code frames} (0 or
     * less: to the end).
     */
    public CompletableFuture<Buffer> allocBuffer(int id, String path, int startFrame, int frames) {
        return newResource(AUDIO_BUFFER, id, path, startFrame, frames).thenApply(i -> new Buffer(this, i));
    }

    /** {@code /resource/free i:id}: completes on {@code /resource/destroyed}, once its last holder let go. */
    public CompletableFuture<Void> freeResource(int id) {
        return call("/resource/free", List.of(id), Replies.withId("/resource/destroyed", id), m -> null,
                Replies.errorOn("/resource/free", id));
    }

    public CompletableFuture<Reply.ResourceInfo> queryResource(int id) {
        return call("/resource/query", List.of(id), Replies.withId("/resource/info", id), Reply.ResourceInfo::of,
                Replies.errorOn("/resource/query", id));
    }

    /** {@code /buffer/read i:id s:path}: the whole file, from frame 0, into the buffer from frame 0. */
    public CompletableFuture<Void> bufferRead(int id, String path) {
        return done("/buffer/read", id, List.of(id, path));
    }

    /** {@code /buffer/read i:id s:path i:fileStartFrame i:frames i:bufStartFrame} (frames -1: as many as fit). */
    public CompletableFuture<Void> bufferRead(int id, String path, int fileStartFrame, int frames, int bufStartFrame) {
        return done("/buffer/read", id, List.of(id, path, fileStartFrame, frames, bufStartFrame));
    }

    /** {@code /buffer/write i:id s:path}: a 32-bit float WAV in the sample root. */
    public CompletableFuture<Void> bufferWrite(int id, String path) {
        return done("/buffer/write", id, List.of(id, path));
    }

    /**
     * {@code /buffer/write i:id s:path s:format}: a WAV in the sample root of {@code format}: {@code "float"}
     * (32-bit float), {@code "int16"} or {@code "int24"} (PCM, clipped to [-1, 1]); the server refuses others.
     */
    public CompletableFuture<Void> bufferWrite(int id, String path, String format) {
        return done("/buffer/write", id, List.of(id, path, format));
    }

    /** {@code /buffer/normalize i:src i:dst f:peak}. */
    public CompletableFuture<Void> bufferNormalize(int src, int dst, float peak) {
        return done("/buffer/normalize", src, List.of(src, dst, peak));
    }

    /** {@code /buffer/onsets i:id f:threshold}: the onsets' frames, ascending. */
    public CompletableFuture<int[]> bufferOnsets(int id, float threshold) {
        return call("/buffer/onsets", List.of(id, threshold), Replies.withId("/buffer/onsets.reply", id),
                Reply::onsets, Replies.errorOn("/buffer/onsets", id));
    }

    /** {@code /buffer/query i:id}: channels, frames, sample rate. */
    public CompletableFuture<Reply.BufferInfo> bufferQuery(int id) {
        return call("/buffer/query", List.of(id), Replies.withId("/buffer/info", id), Reply.BufferInfo::of,
                Replies.errorOn("/buffer/query", id));
    }

    /**
     * {@code /output/record/start s:path}: streams every hardware output to a 32-bit float WAV file in the sample
     * root (a Recording); completes on {@code /done /output/record/start}, once the file is open and recording runs.
     */
    public CompletableFuture<Void> recordOutput(String path) {
        return call(OUTPUT_RECORD_START, List.of(path), Replies.done(OUTPUT_RECORD_START, null), m -> null,
                Replies.errorOn(OUTPUT_RECORD_START));
    }

    /** {@code /output/record/start s:path i:channels}: the hardware outputs 0 to channels-1 only. */
    public CompletableFuture<Void> recordOutput(String path, int channels) {
        return call(OUTPUT_RECORD_START, List.of(path, channels), Replies.done(OUTPUT_RECORD_START, null), m -> null,
                Replies.errorOn(OUTPUT_RECORD_START));
    }

    /**
     * {@code /output/record/stop}: ends the Recording; completes on {@code /done s:/output/record/stop i:frames
     * i:lostBlocks} once the file is closed, and fails if none runs or the disk failed.
     */
    public CompletableFuture<Reply.RecordingStopped> stopRecording() {
        return call(OUTPUT_RECORD_STOP, List.of(), Replies.done(OUTPUT_RECORD_STOP, null), Reply.RecordingStopped::of,
                Replies.errorOn(OUTPUT_RECORD_STOP));
    }

    private CompletableFuture<Void> done(String address, int id, List<Object> args) {
        return requests.done(address, id, args);
    }

    private <T> CompletableFuture<T> query(String address, List<Object> args, String reply, Function<OSCMessage, T> value) {
        return requests.query(address, args, reply, value);
    }

    private <T> CompletableFuture<T> call(String address, List<Object> args, Predicate<OSCMessage> reply,
            Function<OSCMessage, T> value, BiPredicate<String, Integer> error) {
        return requests.call(address, args, reply, value, error);
    }

    // ------------------------------------------------------------------ listeners

    /** Calls {@code listener} with the node of every {@code /node/done}. */
    public Subscription onNodeDone(IntConsumer listener) {
        return listeners.onId("/node/done", listener);
    }

    /** Calls {@code listener} with the node of every {@code /node/ended}. */
    public Subscription onNodeEnded(IntConsumer listener) {
        return listeners.onId("/node/ended", listener);
    }

    /** Calls {@code listener} with the Resource of every {@code /resource/destroyed}. */
    public Subscription onResourceDestroyed(IntConsumer listener) {
        return listeners.onId("/resource/destroyed", listener);
    }

    /** Calls {@code listener} with every {@code /error} and {@code /resource/error} no future took. */
    public Subscription onError(Consumer<ServerException> listener) {
        return listeners.onError(listener);
    }

    /** Calls {@code listener} with every message received. */
    public Subscription onMessage(Consumer<OSCMessage> listener) {
        return listeners.onMessage(listener);
    }

    /** Receive thread: the listeners first, then the futures; errors no future took to the error listeners. */
    private void received(OSCMessage m) {
        listeners.message(m);
        ServerException unclaimed = requests.dispatch(m);
        if (unclaimed != null) {
            listeners.error(unclaimed);
        }
    }

    /** Fails what still waits, closes the connection and ends the client's threads. Idempotent. */
    @Override
    public void close() {
        requests.close();
        connection.close();
    }

    /** The timeout tasks still queued (for tests). */
    int pendingTimeouts() {
        return requests.pendingTimeouts();
    }
}
