package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import la.methc.client.AddAction;
import la.methc.client.Buffer;
import la.methc.client.ConnectionClosedException;
import la.methc.client.Controls;
import la.methc.client.Flags;
import la.methc.client.MethclaClient;
import la.methc.client.Reply;
import la.methc.client.ServerException;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The client library against the built distribution (dummy driver): every command of docs/osc-api.md through its
 * typed call, every future's success and failure the engine can be made to answer, and the listeners. Node ids come
 * from the client's allocator (1000 up) or are chosen above the engine's max nodes (1024, the default), up to
 * 2^31-1. Named parameters are heard, not only accepted: the outputs are recorded and measured.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClientIT {

    private static final Path WORK = Path.of("target/client-it").toAbsolutePath();
    private static final Path SAMPLES = WORK.resolve("samples");
    private static final String P = "http://methc.la/plugins/";
    private static final String SINE = P + "sine";
    private static final String AMPLIFIER = P + "amplifier";
    private static final String DONE_AFTER = P + "done-after";
    private static final String PLAY = P + "play";
    private static final long WAIT = 10;

    private static Process engine;
    private static int port;
    private static MethclaClient client;

    @BeforeClass
    public static void start() throws Exception {
        Files.createDirectories(SAMPLES.resolve("client"));
        HandMadeWav.constant(SAMPLES.resolve("client/slow.wav"), 22050, 2205, (short) 16384);
        port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        engine = Launcher.serve(WORK, log, port,
                "--sample-root", SAMPLES.toString());
        client = MethclaClient.udp("127.0.0.1", port).timeout(Duration.ofSeconds(WAIT));
        await(client.notifications(true));
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (engine != null) {
                engine.destroyForcibly();
            }
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    private static ServerException failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(WAIT, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServerException s) {
                return s;
            }
            throw e;
        }
        fail("expected an error");
        return null;
    }

    @Test
    public void versionStatusAndSync() throws Exception {
        Reply.Version v = await(client.version());
        assertEquals(new Reply.Version("Methcla/J", 0, 1, "0.1.0"), v);
        await(client.sync());
        Reply.Status s = await(client.status());
        assertEquals(48000.0, s.sampleRate(), 0);
        assertEquals(64, s.blockSize());
        assertTrue(s.groups() >= 1);
    }

    @Test
    public void groupsSynthsMappingAndSet() throws Exception {
        int group = client.nodeIds().next();
        int sine = client.nodeIds().next();
        int amp = client.nodeIds().next();
        assertTrue(group >= 1000);
        LinkedBlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
        try (MethclaClient.Subscription s = client.onNodeEnded(ended::add)) {
            await(client.confirm(b -> b.newGroup(group, 0, AddAction.TAIL)
                    .newSynth(SINE, sine, group, AddAction.TAIL, List.of(440f, 0.1f), List.of())
                    .newSynth(AMPLIFIER, amp, sine, AddAction.AFTER)
                    .mapOutput(sine, 0, 20, 0).mapInput(amp, 0, 20, Flags.BUS_FEEDBACK)
                    .mapOutput(amp, 0, 0, Flags.BUS_EXTERNAL)
                    .activate(sine).activate(amp)
                    .set(sine, 0, 660f).set(amp, 0, 0.5f)));
            Reply.Status status = await(client.status());
            assertTrue(status.synths() >= 2);
            // refused: a parameter the sine has not
            ServerException e = failure(client.confirm(b -> b.set(sine, 7, 1f)));
            assertEquals("/node/set", e.address());
            assertEquals(sine, e.id());
            // unmapping is a mapping too
            await(client.confirm(b -> b.mapOutput(sine, 0, Flags.UNMAP, 0)));
            client.freeAll(group);
            await(client.sync());
            assertEquals(Set.of(sine, amp), Set.of(ended.poll(WAIT, TimeUnit.SECONDS),
                    ended.poll(WAIT, TimeUnit.SECONDS)));
            client.free(group);
            assertEquals(Integer.valueOf(group), ended.poll(WAIT, TimeUnit.SECONDS));
        }
    }

    @Test
    public void unknownSynthDefFailsTheConfirmation() throws Exception {
        int id = client.nodeIds().next();
        ServerException e = failure(client.confirm(b -> b.newSynth("http://methc.la/plugins/nope", id, 0, AddAction.HEAD)));
        assertEquals("/synth/new", e.address());
        assertEquals(id, e.id());
        assertEquals("unknown SynthDef http://methc.la/plugins/nope", e.reason());
    }

    @Test
    public void doneFlagsNotifyAndFree() throws Exception {
        int id = client.nodeIds().next();
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (MethclaClient.Subscription d = client.onNodeDone(n -> seen.add("done " + n));
                MethclaClient.Subscription e = client.onNodeEnded(n -> seen.add("ended " + n))) {
            client.bundle(b -> b.newSynth(DONE_AFTER, id, 0, AddAction.TAIL, List.of(), List.of(0.05f))
                    .doneFlags(id, Flags.FREE_SELF | Flags.NOTIFY).activate(id));
            assertEquals("done " + id, seen.poll(WAIT, TimeUnit.SECONDS));
            assertEquals("ended " + id, seen.poll(WAIT, TimeUnit.SECONDS));
        }
        ServerException e = failure(client.confirm(b -> b.doneFlags(id, 1 << 10)));
        assertEquals("/synth/property/doneFlags/set", e.address());
    }

    @Test
    public void errorsNoFutureTakesGoToTheErrorListener() throws Exception {
        LinkedBlockingQueue<ServerException> errors = new LinkedBlockingQueue<>();
        try (MethclaClient.Subscription s = client.onError(errors::add)) {
            client.activate(3999);
            ServerException e = errors.poll(WAIT, TimeUnit.SECONDS);
            assertEquals("/synth/activate", e.address());
            assertEquals(3999, e.id());
        }
    }

    @Test
    public void buffersAndTheSampler() throws Exception {
        int a = client.resourceIds().next();
        int b = client.resourceIds().next();
        Buffer buffer = await(client.allocBuffer(a, 1, 4800));
        assertEquals(a, buffer.id());
        assertEquals(new Reply.ResourceInfo(a, MethclaClient.AUDIO_BUFFER, "live", 0), await(client.queryResource(a)));
        // record a sine into it, then write, read back, analyse and normalise it
        int sine = client.nodeIds().next();
        int rec = client.nodeIds().next();
        LinkedBlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        try (MethclaClient.Subscription s = client.onNodeDone(done::add)) {
            await(client.confirm(x -> x.newSynth(SINE, sine, 0, AddAction.TAIL, List.of(440f, 0.5f), List.of())
                    .newSynth("http://methc.la/plugins/record", rec, sine, AddAction.AFTER, List.of(), List.of(a))
                    .mapOutput(sine, 0, 30, 0).mapInput(rec, 0, 30, 0)
                    .doneFlags(rec, Flags.FREE_SELF | Flags.FREE_PRECEDING | Flags.NOTIFY).activate(sine).activate(rec)));
            assertEquals(Integer.valueOf(rec), done.poll(WAIT, TimeUnit.SECONDS));
        }
        await(buffer.write("client/sine.wav"));
        assertTrue(Files.size(SAMPLES.resolve("client/sine.wav")) > 4800 * 4);
        // the same samples as 16-bit PCM (the writer's scale 32767, the reader's 32768) and 24-bit PCM
        await(buffer.write("client/sine16.wav", "int16"));
        await(buffer.write("client/sine24.wav", "int24"));
        float[] exact = Wav.read(SAMPLES.resolve("client/sine.wav"))[0];
        float[] pcm16 = Wav.read(SAMPLES.resolve("client/sine16.wav"))[0];
        assertEquals(4800, pcm16.length);
        for (int i = 0; i < exact.length; i++) {
            assertEquals("frame " + i, exact[i] * 32767f / 32768f, pcm16[i], 0.5f / 32768f + 1e-6f);
        }
        assertEquals(44 + 4800 * 3, Files.size(SAMPLES.resolve("client/sine24.wav")));
        Buffer other = await(client.allocBuffer(b, 1, 4800, 48000f));
        await(other.read("client/sine.wav"));
        await(client.bufferRead(b, "client/sine.wav", 0, -1, 0));
        int[] onsets = await(other.onsets(1f));
        assertTrue(onsets.length <= 4800 / 256 + 1);
        await(buffer.normalizeInto(other, 1f));
        // a player bound to it, re-bound by /node/set to the other buffer
        int player = client.nodeIds().next();
        await(client.confirm(x -> x.newSynth(PLAY, player, 0, AddAction.TAIL, List.of(), List.of(a))
                .mapOutput(player, 0, 31, 0).activate(player).setResource(player, 0, b)));
        assertEquals(1, await(client.queryResource(b)).refcount());
        client.free(player);

        // failures, each with the engine's reason
        assertTrue(failure(client.bufferRead(a, "client/missing.wav")).reason().contains("missing.wav"));
        assertTrue(failure(client.bufferWrite(a, "../outside.wav")).reason().contains("outside the sample root"));
        String reason = failure(client.bufferWrite(a, "client/x.wav", "int32")).reason();
        assertTrue(reason, reason.contains("unknown WAV format \"int32\": allowed are float, int16, int24"));
        assertEquals("/buffer/onsets", failure(client.bufferOnsets(a, -1f)).address());
        assertEquals("/buffer/normalize", failure(client.bufferNormalize(a, 1023, 1f)).address());
        ServerException e = failure(client.newResource("http://methc.la/resources/Nope/v1", 1022, 1));
        assertEquals("unknown ResourceDef http://methc.la/resources/Nope/v1", e.reason());
        e = failure(client.allocBuffer(a, 1, 10));
        assertEquals("/resource/new", e.address());
        assertTrue(e.reason(), e.reason().contains("already in use"));
        e = failure(client.allocBuffer(1021, 1, -5));
        assertEquals(1021, e.id());
        assertTrue(failure(client.queryResource(100_000)).reason().contains("out of range"));

        LinkedBlockingQueue<Integer> destroyed = new LinkedBlockingQueue<>();
        try (MethclaClient.Subscription s = client.onResourceDestroyed(destroyed::add)) {
            await(buffer.free());
            await(other.free());
            assertEquals(Integer.valueOf(a), destroyed.poll(WAIT, TimeUnit.SECONDS));
            assertEquals(Integer.valueOf(b), destroyed.poll(WAIT, TimeUnit.SECONDS));
        }
        assertEquals("resource " + a + " is not allocated", failure(client.freeResource(a)).reason());
    }

    @Test
    public void timedBundlesAndTheScheduler() throws Exception {
        int group = client.nodeIds().next();
        client.at(Instant.now().plusSeconds(60), b -> b.newGroup(group, 0, AddAction.HEAD));
        await(client.sync());
        assertEquals(1, await(client.schedulerQuery()).pending());
        await(client.schedulerClear());
        assertEquals(0, await(client.schedulerQuery()).pending());
        // one due in 50 ms runs then
        int soon = client.nodeIds().next();
        LinkedBlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
        try (MethclaClient.Subscription s = client.onNodeEnded(ended::add)) {
            client.at(Instant.now().plusMillis(50), b -> b.newGroup(soon, 0, AddAction.HEAD));
            client.at(Instant.now().plusMillis(100), b -> b.free(soon));
            assertEquals(Integer.valueOf(soon), ended.poll(WAIT, TimeUnit.SECONDS));
        }
    }

    @Test
    public void tcpToo() throws Exception {
        try (MethclaClient tcp = MethclaClient.tcp("127.0.0.1", port)) {
            assertEquals("Methcla/J", await(tcp.version()).name());
            await(tcp.sync());
            assertEquals("/group/new", failure(tcp.confirm(b -> b.newGroup(0, 0, AddAction.HEAD))).address());
        }
    }

    /**
     * {@code /node/set} by name, heard: a sine on the left output is recorded after each change and its frequency
     * and peak measured. A bad pair sets none of the message's pairs; a name and a number mix; several names.
     */
    @Test
    public void namedParametersAreHeard() throws Exception {
        int sine = 70_000; // above max nodes: ids are not bounded by it
        await(client.confirm(b -> b.newSynth(SINE, sine, 0, AddAction.TAIL, List.of(440f, 0.5f), List.of())
                .mapOutput(sine, 0, 0, Flags.BUS_EXTERNAL).activate(sine)));
        ServerException e = failure(client.confirm(b -> b.set(sine, "amp", 0f, "frq", 1f)));
        assertEquals("/node/set", e.address());
        assertEquals(sine, e.id());
        assertEquals(SINE + " has no parameter named frq (its parameters: freq, amp); none of the 2 pairs was set",
                e.reason());
        assertTone(take("client/take-1.wav"), 440, 0.5f);

        await(client.confirm(b -> b.set(sine, 0, 550f, "amp", 0.25f).set(sine, "freq", 660f)));
        assertTone(take("client/take-2.wav"), 660, 0.25f);

        await(client.confirm(b -> b.set(sine, "freq", 880f, "amp", 0.125f)));
        assertTone(take("client/take-3.wav"), 880, 0.125f);
        client.free(sine);
        await(client.sync());
    }

    /**
     * Controls by name at creation, heard: the synth starts with them (the {@code /node/set} rides in the same bundle
     * as {@code /synth/new}); an unknown name fails the confirmation with the engine's reason.
     */
    @Test
    public void namedControlsAtCreationAreHeard() throws Exception {
        int sine = 80_000;
        client.newSynth(SINE, sine, 0, AddAction.TAIL, Controls.of("freq", 660f).set(1, 0.25f), List.of())
                .mapOutput(sine, 0, 0, Flags.BUS_EXTERNAL).activate(sine);
        await(client.sync());
        assertTone(take("client/created-named.wav"), 660, 0.25f);
        client.free(sine);

        int bad = 80_001;
        ServerException e = failure(client.confirm(b -> b.newSynth(SINE, bad, 0, AddAction.TAIL,
                Controls.of(Map.of("frq", 1f)), List.of())));
        assertEquals("/node/set", e.address());
        assertEquals(bad, e.id());
        assertEquals(SINE + " has no parameter named frq (its parameters: freq, amp)", e.reason());
        client.free(bad); // the synth was made; only its controls were refused
        await(client.sync());
    }

    /** Records the left output for about 0.3 s into {@code path}; checks the WAV's header byte by byte. */
    private static float[] take(String path) throws Exception {
        await(client.recordOutput(path, 1));
        Thread.sleep(300);
        Reply.RecordingStopped stopped = await(client.stopRecording());
        assertEquals("no block lost", 0, stopped.lostBlocks());
        assertTrue("about 0.3 s: " + stopped.frames(), stopped.frames() > 4800);
        Path file = SAMPLES.resolve(path);
        assertWavHeader(file, 1);
        float[][] audio = Wav.read(file);
        assertEquals(1, audio.length);
        assertEquals(stopped.frames(), audio[0].length);
        return audio[0];
    }

    /** RIFF/WAVE with a "fmt " chunk first: 32-bit IEEE float (format 3, or 0xFFFE extensible), 48 kHz. */
    private static void assertWavHeader(Path file, int channels) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", ascii(b, 0));
        assertEquals("WAVE", ascii(b, 8));
        assertEquals("fmt ", ascii(b, 12));
        int format = b.getShort(20) & 0xffff;
        assertTrue("format " + format, format == 3 || format == 0xfffe);
        assertEquals(channels, b.getShort(22));
        assertEquals(48000, b.getInt(24));
        assertEquals(32, b.getShort(34));
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }

    private static void assertTone(float[] x, double frequency, float peak) {
        assertEquals(frequency, Signals.frequency(x, 0, x.length, 48000), 1.0);
        assertEquals(peak, Signals.peak(x, 0, x.length), 1e-3);
    }

    /** The recording's failures, each with the engine's reason; every output recorded by default. */
    @Test
    public void recordingFailures() throws Exception {
        ServerException e = failure(client.stopRecording());
        assertEquals("/output/record/stop", e.address());
        assertEquals("not recording", e.reason());
        e = failure(client.recordOutput("../escape.wav"));
        assertEquals("/output/record/start", e.address());
        assertTrue(e.reason(), e.reason().contains("is outside the sample root"));
        assertEquals("channels must be 1..2 (the hardware outputs): 3", failure(client.recordOutput("x.wav", 3)).reason());
        assertEquals("channels must be 1..2 (the hardware outputs): 0", failure(client.recordOutput("x.wav", 0)).reason());
        assertTrue(failure(client.recordOutput("client")).reason().startsWith("cannot write "));

        await(client.recordOutput("client/both.wav"));
        e = failure(client.recordOutput("client/again.wav"));
        assertEquals("already recording to " + SAMPLES.toRealPath().resolve("client/both.wav"), e.reason());
        Thread.sleep(100);
        Reply.RecordingStopped stopped = await(client.stopRecording());
        assertWavHeader(SAMPLES.resolve("client/both.wav"), 2);
        float[][] both = Wav.read(SAMPLES.resolve("client/both.wav"));
        assertEquals(2, both.length);
        assertEquals(stopped.frames(), both[1].length);
        assertFalse(Files.exists(SAMPLES.resolve("client/again.wav")));
    }

    /** {@code /synthdef/list}, {@code /synthdef/info}, {@code /node/query}, {@code /group/queryTree}. */
    @Test
    public void synthDefsNodesAndTheTree() throws Exception {
        List<String> defs = new ArrayList<>();
        for (String d : List.of("amplifier", "asr-envelope", "delay", "done-after", "envelope", "filter", "noise",
                "oscillator", "pan", "patch-cable", "play", "record", "reverb", "sine")) {
            defs.add(P + d);
        }
        assertEquals(defs, await(client.synthDefs()));
        assertEquals(new Reply.SynthDefInfo(SINE, List.of(new Reply.Port("freq", "control", "input", 440f),
                new Reply.Port("amp", "control", "input", 1f), new Reply.Port("out", "audio", "output", 0f))),
                await(client.synthDefInfo(SINE)));
        assertEquals(new Reply.SynthDefInfo(PLAY, List.of(new Reply.Port("buffer", "resource", "input", 0f),
                new Reply.Port("rate", "control", "input", 1f), new Reply.Port("loop", "control", "input", 0f),
                new Reply.Port("start", "control", "input", 0f), new Reply.Port("out0", "audio", "output", 0f))),
                await(client.synthDefInfo(PLAY)));
        assertEquals(0.707f, await(client.synthDefInfo(P + "filter")).ports().get(2).defaultValue(), 0f);
        ServerException e = failure(client.synthDefInfo(P + "nope"));
        assertEquals("/synthdef/info", e.address());
        assertEquals("unknown SynthDef " + P + "nope", e.reason());

        int group = 5_000;
        int inner = 1_000_000;
        int synth = Integer.MAX_VALUE;
        await(client.confirm(b -> b.newGroup(group, 0, AddAction.TAIL).newGroup(inner, group, AddAction.TAIL)
                .newSynth(SINE, synth, group, AddAction.HEAD)));
        assertEquals(new Reply.NodeInfo(synth, group, false, SINE), await(client.queryNode(synth)));
        assertEquals(new Reply.NodeInfo(group, 0, true, ""), await(client.queryNode(group)));
        assertEquals(new Reply.NodeInfo(inner, group, true, ""), await(client.queryNode(inner)));
        assertEquals(new Reply.NodeInfo(0, -1, true, ""), await(client.queryNode(0)));
        e = failure(client.queryNode(1_234_567));
        assertEquals(1_234_567, e.id());
        assertEquals("node 1234567 not found", e.reason());

        assertEquals(new Reply.TreeNode(group, true, "", List.of(new Reply.TreeNode(synth, false, SINE, List.of()),
                new Reply.TreeNode(inner, true, "", List.of()))), await(client.queryTree(group)));
        assertTrue(await(client.queryTree(0)).children().stream().anyMatch(n -> n.id() == group));
        e = failure(client.queryTree(synth));
        assertEquals("/group/queryTree", e.address());
        assertEquals("node " + synth + " is a synth, not a group", e.reason());
        assertEquals("node 1234567 not found", failure(client.queryTree(1_234_567)).reason());
        client.free(group);
        await(client.sync());
        assertEquals("node " + group + " not found", failure(client.queryNode(group)).reason());
    }

    /**
     * A buffer from a sound file written byte by byte: its shape and rate are the file's; part of a file; a missing
     * file; {@code /buffer/query} of no buffer; the play synth's {@code buffer} port bound by name.
     */
    @Test
    public void buffersFromFilesAndResourcePortsByName() throws Exception {
        int whole = client.resourceIds().next();
        int part = client.resourceIds().next();
        Buffer slow = await(client.allocBuffer(whole, "client/slow.wav"));
        assertEquals(new Reply.BufferInfo(whole, 1, 2205, 22050f), await(slow.query()));
        Buffer some = await(client.allocBuffer(part, "client/slow.wav", 205, 1000));
        assertEquals(new Reply.BufferInfo(part, 1, 1000, 22050f), await(client.bufferQuery(part)));
        int missing = client.resourceIds().next();
        ServerException e = failure(client.allocBuffer(missing, "client/missing.wav"));
        assertEquals("/resource/error", e.reply());
        assertEquals(missing, e.id());
        assertEquals(MethclaClient.AUDIO_BUFFER + ": cannot read client/missing.wav: no such file in the sample root",
                e.reason());
        e = failure(client.bufferQuery(missing));
        assertEquals("/buffer/query", e.address());
        assertEquals(missing, e.id());
        assertEquals("resource is not live", e.reason());

        // a player with no buffer, bound by the port's name, then re-bound
        int player = 2_000_000_000;
        await(client.confirm(b -> b.newSynth(PLAY, player, 0, AddAction.TAIL).mapOutput(player, 0, 40, 0)
                .setResource(player, "buffer", whole)));
        assertEquals(1, await(client.queryResource(whole)).refcount());
        await(client.confirm(b -> b.setResource(player, "buffer", part)));
        assertEquals(1, await(client.queryResource(part)).refcount());
        assertEquals(0, await(client.queryResource(whole)).refcount());
        // a float for a resource port, by name or by number: refused, the binding stays
        e = failure(client.confirm(b -> b.set(player, "buffer", 1f)));
        assertEquals("/node/set", e.address());
        assertEquals(player, e.id());
        assertEquals("parameter buffer is a resource port; give an int resource id", e.reason());
        e = failure(client.confirm(b -> b.set(player, 0, 1f)));
        assertEquals("parameter 0 is a resource port; give an int resource id", e.reason());
        assertEquals(1, await(client.queryResource(part)).refcount());
        client.free(player);
        await(client.sync());
        await(slow.free());
        await(some.free());
    }

    /**
     * The futures' own failures on a live engine: a buffer held by a synth is destroyed only once it lets go, so
     * {@code /resource/free} gets no reply until then: with a short timeout its future fails with a
     * {@link TimeoutException}, and a client closed first fails it with an {@link IllegalStateException}. The
     * {@code /resource/destroyed} that comes later goes to the listeners of the registered client.
     */
    @Test
    public void futuresTimeOutOrFailOnCloseWhenNoReplyComes() throws Exception {
        int a = client.resourceIds().next();
        int b = client.resourceIds().next();
        await(client.allocBuffer(a, 1, 480));
        await(client.allocBuffer(b, 1, 480));
        int playerA = 1_500_000;
        int playerB = 1_500_001;
        await(client.confirm(x -> x.newSynth(PLAY, playerA, 0, AddAction.TAIL, List.of(), List.of(a))
                .newSynth(PLAY, playerB, 0, AddAction.TAIL, List.of(), List.of(b))));
        try (MethclaClient quick = MethclaClient.udp("127.0.0.1", port).timeout(Duration.ofMillis(300))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> quick.freeResource(a).get(WAIT,
                    TimeUnit.SECONDS));
            assertTrue(e.getCause().toString(), e.getCause() instanceof TimeoutException);
            assertEquals("no reply to /resource/free within 300 ms", e.getCause().getMessage());
        }
        MethclaClient other = MethclaClient.tcp("127.0.0.1", port);
        CompletableFuture<Void> pending = other.freeResource(b);
        await(other.sync());
        assertFalse("no reply while a synth holds it", pending.isDone());
        other.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(WAIT, TimeUnit.SECONDS));
        assertTrue(e.getCause().toString(), e.getCause() instanceof IllegalStateException);
        assertEquals("client closed before the reply to /resource/free", e.getCause().getMessage());

        LinkedBlockingQueue<Integer> destroyed = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        try (MethclaClient.Subscription d = client.onResourceDestroyed(destroyed::add);
                MethclaClient.Subscription m = client.onMessage(x -> messages.add(x.getAddress() + " "
                        + x.getArguments()))) {
            client.free(playerA);
            client.free(playerB);
            assertEquals(Set.of(a, b), Set.of(destroyed.poll(WAIT, TimeUnit.SECONDS), destroyed.poll(WAIT,
                    TimeUnit.SECONDS)));
            List<String> seen = new ArrayList<>();
            messages.drainTo(seen);
            assertTrue(seen.toString(), seen.contains("/resource/destroyed [" + a + "]"));
            assertTrue(seen.toString(), seen.contains("/node/ended [" + playerB + "]"));
        }
    }

    /**
     * An engine that dies (killed, as in a crash) while a TCP client's request waits (a buffer a synth holds is not
     * destroyed yet): with no timeout, only the connection closing ends the wait, and it fails at once with a
     * {@link ConnectionClosedException}; later requests fail without waiting. A second engine of its own.
     */
    @Test
    public void pendingFuturesFailWhenTheEngineGoesAway() throws Exception {
        Path work = WORK.resolve("crash");
        Files.createDirectories(work);
        int crashPort = Provisioning.freePort();
        Path log = work.resolve("methcla.log");
        Process doomed = Launcher.start(work, log, Map.of(), "--port", Integer.toString(crashPort), "--driver",
                "dummy");
        try {
            Launcher.waitFor(log, "methcla ready udp 127.0.0.1:" + crashPort, 20_000);
            try (MethclaClient tcp = MethclaClient.tcp("127.0.0.1", crashPort).timeout(Duration.ZERO)) {
                await(tcp.allocBuffer(0, 1, 480));
                await(tcp.confirm(x -> x.newSynth(PLAY, 1000, 0, AddAction.TAIL, List.of(), List.of(0))));
                CompletableFuture<Void> pending = tcp.freeResource(0);
                await(tcp.sync());
                assertFalse("no reply while a synth holds it", pending.isDone());
                doomed.destroyForcibly();
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> pending.get(WAIT, TimeUnit.SECONDS));
                assertTrue(e.getCause().toString(), e.getCause() instanceof ConnectionClosedException);
                assertTrue(e.getCause().getMessage(), e.getCause().getMessage().endsWith("no reply to /resource/free"));
                assertTrue(tcp.connection().isClosed());
                assertTrue("fails at once", tcp.sync().isCompletedExceptionally());
            }
        } finally {
            doomed.destroyForcibly();
        }
    }

    /**
     * Last by name: the engine quits, asked by a TCP client with no timeout: {@code /done /quit} completes its future,
     * then the engine closes the connection, which the client hears as such; later requests fail at once.
     */
    @Test
    public void zzQuit() throws Exception {
        try (MethclaClient tcp = MethclaClient.tcp("127.0.0.1", port).timeout(Duration.ZERO)) {
            CompletableFuture<String> closed = new CompletableFuture<>();
            tcp.connection().addCloseListener(closed::complete);
            await(tcp.quit());
            assertEquals("connection closed by the server (tcp:127.0.0.1:" + port + ")", await(closed));
            ExecutionException e = assertThrows(ExecutionException.class, () -> tcp.status().get(0, TimeUnit.SECONDS));
            assertTrue(e.getCause().toString(), e.getCause() instanceof ConnectionClosedException);
            assertEquals("connection closed by the server (tcp:127.0.0.1:" + port + "): no reply to /status",
                    e.getCause().getMessage());
        }
        assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, engine.exitValue());
    }
}
