package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import la.methc.client.AddAction;
import la.methc.client.Buffer;
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
 * typed call, every future's success and failure the engine can be made to answer, and the listeners. Node ids
 * come from the client's allocator (1000 up), so the engine runs with {@code --max-nodes 4096}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClientIT {

    private static final Path WORK = Path.of("target/client-it").toAbsolutePath();
    private static final String SINE = "http://methc.la/plugins/sine";
    private static final String AMPLIFIER = "http://methc.la/plugins/amplifier";
    private static final String DONE_AFTER = "http://methc.la/plugins/done-after";
    private static final String PLAY = "http://methc.la/plugins/play";
    private static final long WAIT = 10;

    private static Process engine;
    private static int port;
    private static MethclaClient client;

    @BeforeClass
    public static void start() throws Exception {
        Files.createDirectories(WORK.resolve("samples"));
        port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        engine = Launcher.start(WORK, log, Map.of(), "--port", Integer.toString(port), "--driver", "dummy",
                "--max-nodes", "4096", "--sample-root", WORK.resolve("samples").toString());
        Launcher.waitFor(log, "methcla ready udp 127.0.0.1:" + port, 20_000);
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
            assertEquals(java.util.Set.of(sine, amp), java.util.Set.of(ended.poll(WAIT, TimeUnit.SECONDS),
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
        assertTrue(Files.size(WORK.resolve("samples/client/sine.wav")) > 4800 * 4);
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

    /** Last by name: the engine quits. */
    @Test
    public void zzQuit() throws Exception {
        await(client.quit());
        assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, engine.exitValue());
    }
}
