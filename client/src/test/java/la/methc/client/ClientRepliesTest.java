package la.methc.client;

import static la.methc.client.Wire.hex;
import static la.methc.client.Wire.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's requests and how it reads their replies, against a fake server that checks the request's bytes and
 * answers with bytes written by hand: every future's success and failure, for the verbs of docs/osc-api.md and
 * those of issue 16 (named /node/set, /synthdef/…, /node/query, /group/queryTree, /buffer/query, buffers from
 * files, /output/record/…).
 */
class ClientRepliesTest {

    private FakeServer server;
    private MethclaClient client;

    @BeforeEach
    void connect() throws Exception {
        server = FakeServer.udp();
        client = MethclaClient.udp("127.0.0.1", server.port()).timeout(Duration.ofSeconds(10));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        server.close();
    }

    /** Expects {@code request} on the wire, answers {@code replies}, returns the future's value. */
    private <T> T exchange(CompletableFuture<T> future, byte[] request, byte[]... replies) throws Exception {
        assertEquals(hex(request), hex(server.receive()));
        for (byte[] r : replies) {
            server.reply(r);
        }
        return future.get(10, TimeUnit.SECONDS);
    }

    private ServerException failure(CompletableFuture<?> future, byte[] request, byte[] reply) throws Exception {
        assertEquals(hex(request), hex(server.receive()));
        server.reply(reply);
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(ServerException.class, e.getCause());
    }

    @Test
    void serverRequests() throws Exception {
        exchange(client.sync(), message("/sync", 1), message("/synced", 1));
        exchange(client.notifications(true), message("/notify", 1), message("/done", "/notify"));
        Reply.Status s = exchange(client.status(), message("/status"),
                hex("2f737461 7475732e 7265706c 79000000 2c696969 66666964 69000000 00000002 00000001 00000000"
                        + " 3e800000 3f000000 00000003 40e77000 00000000 00000040"));
        assertEquals(new Reply.Status(2, 1, 0, 0.25f, 0.5f, 3, 48000.0, 64), s);
        assertEquals(new Reply.Version("Methcla/J", 0, 1, "0.1.0"), exchange(client.version(), message("/version"),
                message("/version.reply", "Methcla/J", 0, 1, "0.1.0")));
        assertEquals(new Reply.SchedulerInfo(2, 1024), exchange(client.schedulerQuery(), message("/scheduler/query"),
                message("/scheduler/info", 2, 1024)));
        exchange(client.schedulerClear(), message("/scheduler/clear"), message("/done", "/scheduler/clear"));
        exchange(client.quit(), message("/quit"), message("/done", "/quit"));
    }

    @Test
    void resources() throws Exception {
        Buffer b = exchange(client.allocBuffer(3, 2, 48000),
                message("/resource/new", MethclaClient.AUDIO_BUFFER, 3, 2, 48000), message("/resource/ready", 3));
        assertEquals(3, b.id());
        ServerException e = failure(client.allocBuffer(4, 1, 10, 44100f),
                message("/resource/new", MethclaClient.AUDIO_BUFFER, 4, 1, 10, 44100f),
                message("/resource/error", 4, "memory cap"));
        assertEquals("/resource/new", e.address());
        assertEquals("memory cap", e.reason());
        assertEquals(6, exchange(client.allocBuffer(6, "a.wav", 100, 4800),
                message("/resource/new", MethclaClient.AUDIO_BUFFER, 6, "a.wav", 100, 4800),
                message("/resource/ready", 6)).id());
        e = failure(client.allocBuffer(5, "a.wav"), message("/resource/new", MethclaClient.AUDIO_BUFFER, 5, "a.wav"),
                message("/error", "/resource/new", 5, "resource id 5 already in use (live)"));
        assertEquals(5, e.id());
        assertEquals(new Reply.ResourceInfo(3, MethclaClient.AUDIO_BUFFER, "live", 1), exchange(client.queryResource(3),
                message("/resource/query", 3), message("/resource/info", 3, MethclaClient.AUDIO_BUFFER, "live", 1)));
        failure(client.queryResource(9), message("/resource/query", 9), message("/error", "/resource/query", 9, "no"));
        exchange(b.free(), message("/resource/free", 3), message("/resource/destroyed", 3));
        failure(client.freeResource(7), message("/resource/free", 7), message("/error", "/resource/free", 7, "free"));
    }

    @Test
    void bufferCommands() throws Exception {
        Buffer b = new Buffer(client, 2);
        exchange(b.read("x.wav"), message("/buffer/read", 2, "x.wav"), message("/done", "/buffer/read", 2));
        exchange(client.bufferRead(2, "x.wav", 10, -1, 5), message("/buffer/read", 2, "x.wav", 10, -1, 5),
                message("/done", "/buffer/read", 2));
        exchange(b.write("y.wav"), message("/buffer/write", 2, "y.wav"), message("/done", "/buffer/write", 2));
        exchange(b.write("y.wav", "int16"), message("/buffer/write", 2, "y.wav", "int16"),
                message("/done", "/buffer/write", 2));
        assertArrayEquals(new int[] {12032, 20000}, exchange(b.onsets(1f), message("/buffer/onsets", 2, 1f),
                message("/buffer/onsets.reply", 2, 12032, 20000)));
        exchange(b.normalizeInto(new Buffer(client, 3), 1f), message("/buffer/normalize", 2, 3, 1f),
                message("/done", "/buffer/normalize", 2));
        assertEquals(new Reply.BufferInfo(2, 1, 24000, 44100f), exchange(b.query(), message("/buffer/query", 2),
                message("/buffer/info", 2, 1, 24000, 44100f)));
        ServerException e = failure(client.bufferRead(2, "../x.wav"), message("/buffer/read", 2, "../x.wav"),
                message("/error", "/buffer/read", 2, "path ../x.wav is outside the sample root"));
        assertEquals("path ../x.wav is outside the sample root", e.reason());
        failure(client.bufferWrite(2, "y.wav"), message("/buffer/write", 2, "y.wav"), message("/error", "/buffer/write", -1, "bad"));
        failure(client.bufferOnsets(2, -1f), message("/buffer/onsets", 2, -1f), message("/error", "/buffer/onsets", 2, "x"));
        failure(client.bufferNormalize(2, 2, 1f), message("/buffer/normalize", 2, 2, 1f),
                message("/error", "/buffer/normalize", 2, "held"));
        failure(client.bufferQuery(8), message("/buffer/query", 8), message("/error", "/buffer/query", 8, "no buffer"));
    }

    @Test
    void introspection() throws Exception {
        assertEquals(List.of("http://methc.la/plugins/sine", "http://methc.la/plugins/play"),
                exchange(client.synthDefs(), message("/synthdef/list"),
                        message("/synthdef/list.reply", "http://methc.la/plugins/sine", "http://methc.la/plugins/play")));
        Reply.SynthDefInfo info = exchange(client.synthDefInfo("s"), message("/synthdef/info", "s"),
                message("/synthdef/info.reply", "s", "freq", "control", "input", 440f, "out", "audio", "output", 0f));
        assertEquals(new Reply.SynthDefInfo("s", List.of(new Reply.Port("freq", "control", "input", 440f),
                new Reply.Port("out", "audio", "output", 0f))), info);
        assertEquals(new Reply.Port("out", "audio", "output", 0f), new Reply.Port("out", "audio", "output"));
        // the shape before defaults (threes) is refused, not misread
        CompletableFuture<Reply.SynthDefInfo> threes = client.synthDefInfo("t");
        assertEquals(hex(message("/synthdef/info", "t")), hex(server.receive()));
        server.reply(message("/synthdef/info.reply", "t", "freq", "control", "input"));
        ExecutionException malformed = assertThrows(ExecutionException.class, () -> threes.get(10, TimeUnit.SECONDS));
        assertTrue(malformed.getCause().getMessage().startsWith("malformed reply to /synthdef/info"), malformed.toString());
        assertTrue(malformed.getCause().getCause().getMessage().contains("come in fours"), malformed.toString());
        failure(client.synthDefInfo("nope"), message("/synthdef/info", "nope"),
                message("/error", "/synthdef/info", -1, "unknown SynthDef nope"));
        assertEquals(new Reply.NodeInfo(1000, 0, false, "s"), exchange(client.queryNode(1000), message("/node/query", 1000),
                message("/node/info", 1000, 0, 0, "s")));
        assertEquals(new Reply.NodeInfo(1, 0, true, ""), exchange(client.queryNode(1), message("/node/query", 1),
                message("/node/info", 1, 0, 1, "")));
        failure(client.queryNode(77), message("/node/query", 77), message("/error", "/node/query", 77, "no node 77"));
        // root 0 holds group 1 (holding synth 1000) and synth 1001
        Reply.TreeNode tree = exchange(client.queryTree(0), message("/group/queryTree", 0),
                message("/group/queryTree.reply", 0, 2, 1, 1, "", 1000, -1, "s", 1001, -1, "n"));
        assertEquals(new Reply.TreeNode(0, true, "", List.of(
                new Reply.TreeNode(1, true, "", List.of(new Reply.TreeNode(1000, false, "s", List.of()))),
                new Reply.TreeNode(1001, false, "n", List.of()))), tree);
        failure(client.queryTree(5), message("/group/queryTree", 5), message("/error", "/group/queryTree", 5, "not a group"));
    }

    @Test
    void recordingTheOutputs() throws Exception {
        exchange(client.recordOutput("mix.wav", 2), message("/output/record/start", "mix.wav", 2),
                message("/done", "/output/record/start"));
        exchange(client.recordOutput("mix.wav"), message("/output/record/start", "mix.wav"),
                message("/done", "/output/record/start"));
        assertEquals(new Reply.RecordingStopped(48000, 2), exchange(client.stopRecording(),
                message("/output/record/stop"), message("/done", "/output/record/stop", 48000, 2)));
        ServerException e = failure(client.recordOutput("/etc/x.wav"), message("/output/record/start", "/etc/x.wav"),
                message("/error", "/output/record/start", -1, "outside the sample root"));
        assertEquals("outside the sample root", e.reason());
        failure(client.stopRecording(), message("/output/record/stop"),
                message("/error", "/output/record/stop", -1, "not recording"));
    }

    @Test
    void confirmSendsABundleThenSyncAndFailsOnAnErrorForOneOfItsCommands() throws Exception {
        CompletableFuture<Void> ok = client.confirm(b -> b.newGroup(1, 0, AddAction.TAIL));
        // "#bundle", time tag 1 (now), the element's size (32 = 0x20), the message
        assertEquals("2362756e 646c6500 00000000 00000001 00000020 " + hex(message("/group/new", 1, 0, 1)),
                hex(server.receive()));
        exchange(ok, message("/sync", 1), message("/synced", 1));
        CompletableFuture<Void> bad = client.confirm(b -> b.newSynth("nope", 5, 0, AddAction.HEAD).activate(5));
        server.receive();
        assertEquals(hex(message("/sync", 2)), hex(server.receive()));
        server.reply(message("/error", "/synth/new", 5, "unknown SynthDef nope"));
        server.reply(message("/synced", 2));
        ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertEquals("unknown SynthDef nope", assertInstanceOf(ServerException.class, e.getCause()).reason());
    }

    @Test
    void errorsNobodyWaitsForGoToTheListenersAndNotificationsToTheirs() throws Exception {
        LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        client.onError(seen::add);
        client.onNodeDone(id -> seen.add("done " + id));
        client.onNodeEnded(id -> seen.add("ended " + id));
        MethclaClient.Subscription s = client.onResourceDestroyed(id -> seen.add("destroyed " + id));
        client.activate(1000);
        server.receive();
        server.reply(message("/error", "/synth/activate", 1000, "no synth 1000"));
        server.reply(message("/node/done", 1000));
        server.reply(message("/node/ended", 1000));
        server.reply(message("/resource/destroyed", 4));
        ServerException e = (ServerException) seen.poll(10, TimeUnit.SECONDS);
        assertEquals("/synth/activate", e.address());
        assertEquals(1000, e.id());
        assertEquals("no synth 1000", e.reason());
        assertEquals("done 1000", seen.poll(10, TimeUnit.SECONDS));
        assertEquals("ended 1000", seen.poll(10, TimeUnit.SECONDS));
        assertEquals("destroyed 4", seen.poll(10, TimeUnit.SECONDS));
        s.close();
        server.reply(message("/resource/destroyed", 5));
        server.reply(message("/node/ended", 6));
        assertEquals("ended 6", seen.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void aListenerThatThrowsStopsNeitherTheOthersNorTheFutures() throws Exception {
        LinkedBlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
        client.onMessage(m -> {
            throw new IllegalStateException("a listener's bug, on purpose");
        });
        client.onNodeEnded(ended::add);
        CompletableFuture<Void> f = client.sync();
        server.receive();
        server.reply(message("/node/ended", 9));
        server.reply(message("/synced", 1));
        f.get(10, TimeUnit.SECONDS);
        assertEquals(Integer.valueOf(9), ended.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void repliesOfOneKindGoToTheirRequestsInOrder() throws Exception {
        CompletableFuture<Reply.SchedulerInfo> first = client.schedulerQuery();
        CompletableFuture<Reply.SchedulerInfo> second = client.schedulerQuery();
        server.receive();
        server.receive();
        server.reply(message("/scheduler/info", 1, 10));
        server.reply(message("/scheduler/info", 2, 10));
        assertEquals(1, first.get(10, TimeUnit.SECONDS).pending());
        assertEquals(2, second.get(10, TimeUnit.SECONDS).pending());
    }

    @Test
    void timeoutAndCloseFailTheFutures() throws Exception {
        client.timeout(Duration.ofMillis(50));
        CompletableFuture<Void> f = client.sync();
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        client.timeout(Duration.ZERO);
        CompletableFuture<Reply.Status> g = client.status();
        client.close();
        e = assertThrows(ExecutionException.class, () -> g.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(client.connection().isClosed());
    }

    @Test
    void namedControlsThatTheEngineRefusesFailTheConfirmation() throws Exception {
        CompletableFuture<Void> f = client.confirm(b -> b.newSynth("u", 5, 0, AddAction.HEAD, Controls.of("nope", 1f),
                List.of()));
        server.receive(); // the bundle: /synth/new, /node/set
        assertEquals(hex(message("/sync", 1)), hex(server.receive()));
        server.reply(message("/error", "/node/set", 5, "no parameter named nope"));
        server.reply(message("/synced", 1));
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        ServerException refused = assertInstanceOf(ServerException.class, e.getCause());
        assertEquals("/node/set", refused.address());
        assertEquals("no parameter named nope", refused.reason());
    }

    @Test
    void theServerClosingTheConnectionFailsWhatWaitsAndWhatFollows() throws Exception {
        try (FakeServer s = FakeServer.tcp(); MethclaClient c = MethclaClient.tcp("127.0.0.1", s.port())) {
            c.timeout(Duration.ZERO); // only the close can end the wait
            CompletableFuture<Reply.Status> waiting = c.status();
            s.receive();
            CompletableFuture<String> heard = new CompletableFuture<>();
            c.connection().addCloseListener(heard::complete);
            s.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
            ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, e.getCause());
            assertTrue(closed.getMessage().startsWith("connection closed by the server (tcp:127.0.0.1:"),
                    closed.getMessage());
            assertTrue(closed.getMessage().endsWith("no reply to /status"), closed.getMessage());
            assertTrue(heard.get(10, TimeUnit.SECONDS).startsWith("connection closed by the server"));
            assertTrue(c.connection().isClosed());
            // later requests fail at once, commands when sent
            CompletableFuture<Void> later = c.sync();
            assertTrue(later.isCompletedExceptionally());
            e = assertThrows(ExecutionException.class, () -> later.get(0, TimeUnit.SECONDS));
            assertInstanceOf(ConnectionClosedException.class, e.getCause());
            java.io.UncheckedIOException u = assertThrows(java.io.UncheckedIOException.class, () -> c.activate(1));
            assertInstanceOf(ConnectionClosedException.class, u.getCause());
            // a close listener added now hears at once
            CompletableFuture<String> late = new CompletableFuture<>();
            c.connection().addCloseListener(late::complete);
            assertTrue(late.isDone());
        }
    }

    @Test
    void closingTheConnectionItselfFailsWhatWaits() throws Exception {
        client.timeout(Duration.ZERO);
        CompletableFuture<Void> waiting = client.sync();
        server.receive();
        client.connection().close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(assertInstanceOf(ConnectionClosedException.class, e.getCause()).getMessage()
                .startsWith("connection udp:127.0.0.1:"), e.getCause().getMessage());
    }

    @Test
    void completedRequestsLeaveNoTimeoutTaskQueued() throws Exception {
        CompletableFuture<Void> one = client.sync();
        assertEquals(1, client.pendingTimeouts()); // the accessor sees a waiting request's task
        exchange(one, message("/sync", 1), message("/synced", 1));
        for (int n = 2; n <= 500; n++) {
            exchange(client.sync(), message("/sync", n), message("/synced", n));
        }
        // failed and cancelled ones too
        CompletableFuture<Void> refused = client.confirm(b -> b.free(7));
        server.receive();
        server.receive();
        server.reply(message("/error", "/node/free", 7, "no node 7"));
        assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        client.status().cancel(false);
        server.receive();
        assertEquals(0, client.pendingTimeouts());
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        for (String kind : List.of("udp", "tcp")) {
            try (FakeServer s = kind.equals("udp") ? FakeServer.udp() : FakeServer.tcp()) {
                MethclaClient c = kind.equals("udp") ? MethclaClient.udp("127.0.0.1", s.port())
                        : MethclaClient.tcp("127.0.0.1", s.port());
                c.sync();
                s.receive();
                c.close();
            }
        }
        client.close();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith("methcla-client") && t.isAlive(), t.getName() + " still runs");
        }
    }
}
