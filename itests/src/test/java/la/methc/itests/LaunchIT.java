package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import la.methc.engine.internal.driver.Score;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * How the built distribution starts, as a user meets it: the OSC port answers once the plugins are bound; a
 * render says which errors its score caused; two engines run from one distribution with their own ports, plugins
 * folders and framework caches.
 */
public class LaunchIT {

    private static final Path DIST = Launcher.DIST;
    private static final Path WORK = Path.of("target/launch-it").toAbsolutePath();
    private static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";
    private static final String SINE = "http://methc.la/plugins/sine";
    private static final String NOISE = "http://methc.la/plugins/noise";

    @BeforeClass
    public static void prepare() throws IOException {
        delete(WORK);
        Files.createDirectories(WORK);
    }

    /**
     * A client that boots as SuperCollider's do, written from the docs alone (docs/osc-api.md) with OSC bytes built by hand:
     * {@code /status} every 50 ms over UDP until {@code /status.reply} comes, then at once a buffer and a sine.
     */
    @Test
    public void aClientThatPollsStatusFindsThePluginsBound() throws Exception {
        int port = Provisioning.freePort();
        Path log = WORK.resolve("polled.log");
        Process engine = start(log, Map.of(), "--port", Integer.toString(port), "--driver", "dummy");
        try (DatagramSocket osc = new DatagramSocket()) {
            osc.connect(new InetSocketAddress("127.0.0.1", port));
            osc.setSoTimeout(50);
            long deadline = System.currentTimeMillis() + 20_000;
            String first = null;
            while (first == null || !first.equals("/status.reply")) {
                assertTrue("no /status.reply within 20 s:\n" + Files.readString(log),
                        System.currentTimeMillis() < deadline);
                long sent = System.currentTimeMillis();
                send(osc, HandMadeOsc.message("/status"));
                first = HandMadeOsc.address(receive(osc));
                if (first == null) {
                    Thread.sleep(Math.max(0, 50 - (System.currentTimeMillis() - sent)));
                }
            }
            send(osc, HandMadeOsc.message("/resource/new", AUDIO_BUFFER, 1, 1, 100));
            send(osc, HandMadeOsc.message("/synth/new", SINE, 100, 0, 1, List.of(440f, 0.5f), List.of()));
            send(osc, HandMadeOsc.message("/sync", 7));
            List<String> replies = new ArrayList<>();
            osc.setSoTimeout(5000);
            for (byte[] r = receive(osc); r != null; r = receive(osc)) {
                replies.add(HandMadeOsc.text(r));
                if (HandMadeOsc.address(r).equals("/synced")) {
                    break;
                }
            }
            assertTrue(replies.toString(), replies.stream().anyMatch(r -> r.startsWith("/resource/ready")));
            assertTrue(replies.toString(), replies.stream().noneMatch(r -> r.contains("error")));
            assertTrue(replies.toString(), replies.get(replies.size() - 1).startsWith("/synced"));
            // the ready line came first
            assertTrue(Files.readString(log).contains("methcla ready udp 127.0.0.1:" + port));
            send(osc, HandMadeOsc.message("/quit"));
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        } finally {
            engine.destroyForcibly();
        }
    }

    /** A render lists the errors its score caused and fails; --lenient lists them and succeeds; a clean one neither. */
    @Test
    public void aRenderSaysWhichErrorsItsScoreCaused() throws Exception {
        Path bad = WORK.resolve("bad.osc");
        List<OSCPacket> later = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            later.add(OscTestClient.msg("/node/set", 99, 0, 1f)); // no such node: refused on RT
        }
        Score.write(bad, List.of(
                at(0, OscTestClient.msg("/synth/new", "http://methc.la/plugins/nope", 5, 0, 1),
                        OscTestClient.msg("/resource/new", AUDIO_BUFFER, 2, 0, 100),
                        OscTestClient.msg("/synth/new", SINE, 1, 0, 1, new ArrayList<>(List.of(440f, 0.25f)),
                                new ArrayList<>()),
                        OscTestClient.msg("/synth/map/output", 1, 0, 0, 1), OscTestClient.msg("/synth/activate", 1)),
                at(0.1, later.toArray(new OSCPacket[0])),
                at(0.2, OscTestClient.msg("/node/free", 1))));

        Result strict = render(bad.toString(), WORK.resolve("bad.wav").toString());
        assertEquals(strict.out, 1, strict.status);
        assertListsTheErrors(strict.out);
        assertTrue("the WAV is written all the same", Files.exists(WORK.resolve("bad.wav")));

        Result lenient = render(bad.toString(), WORK.resolve("lenient.wav").toString(), "--lenient");
        assertEquals(lenient.out, 0, lenient.status);
        assertListsTheErrors(lenient.out);

        Path clean = WORK.resolve("clean.osc");
        SineScore.write(clean);
        Result ok = render(clean.toString(), WORK.resolve("clean.wav").toString());
        assertEquals(ok.out, 0, ok.status);
        assertFalse(ok.out, ok.out.contains("the score caused"));
        SineScore.check(Wav.read(WORK.resolve("clean.wav")));
    }

    /** A score cut inside a record fails with its reason on one line (no stack trace: it is the user's file) and no WAV. */
    @Test
    public void aBrokenScoreFailsWithItsReasonAndNoStackTrace() throws Exception {
        Path clean = WORK.resolve("whole.osc");
        SineScore.write(clean);
        byte[] bytes = Files.readAllBytes(clean);
        Path cut = WORK.resolve("cut.osc");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        Path wav = WORK.resolve("cut.wav");
        Files.deleteIfExists(wav);
        Result r = render(cut.toString(), wav.toString());
        assertEquals(r.out, 1, r.status);
        assertTrue(r.out, r.out.contains("methcla render failed: score " + cut));
        assertTrue(r.out, r.out.contains("truncated record"));
        assertFalse("no stack trace for a broken score:\n" + r.out, r.out.contains("\tat "));
        assertFalse("no WAV from a broken score", Files.exists(wav));
    }

    private static void assertListsTheErrors(String out) {
        assertTrue(out, out.contains("methcla render: the score caused 14 errors, the first 10:"));
        assertTrue(out, out.contains("\n  /error \"/synth/new\" 5 \"unknown SynthDef http://methc.la/plugins/nope\""));
        assertTrue(out, out.contains("numChannels must be 1.."));
        assertTrue(out, out.contains("\n  /error \"/node/set\" 99 "));
    }

    /**
     * Two engines from one distribution at once, on their own ports with their own plugins folders: each serves
     * its plugins; stopping one leaves the other serving and its framework cache alone; nothing is written into
     * the distribution.
     */
    @Test
    public void twoEnginesRunFromOneDistribution() throws Exception {
        Path sineOnly = Files.createDirectories(WORK.resolve("plugins-sine"));
        Path noiseOnly = Files.createDirectories(WORK.resolve("plugins-noise"));
        Files.copy(DIST.resolve("plugins/sine-bundle.jar"), sineOnly.resolve("sine-bundle.jar"));
        Files.copy(DIST.resolve("plugins/noise-bundle.jar"), noiseOnly.resolve("noise-bundle.jar"));
        Path tmp = Files.createDirectories(WORK.resolve("tmp"));
        Map<String, String> env = Map.of("TMPDIR", tmp.toString());
        int portA = Provisioning.freePort();
        int portB = Provisioning.freePort();
        Path logA = WORK.resolve("engine-a.log");
        Path logB = WORK.resolve("engine-b.log");
        Process a = start(logA, env, "--port", Integer.toString(portA), "--driver", "dummy", "--plugins",
                sineOnly.toString());
        Process b = start(logB, env, "--port", Integer.toString(portB), "--driver", "dummy", "--plugins",
                noiseOnly.toString());
        try (OscTestClient oscA = OscTestClient.udp(portA); OscTestClient oscB = OscTestClient.udp(portB)) {
            waitFor(logA, "methcla ready udp 127.0.0.1:" + portA, 20_000);
            waitFor(logB, "methcla ready udp 127.0.0.1:" + portB, 20_000);
            assertServes(oscA, SINE, NOISE);
            assertServes(oscB, NOISE, SINE);
            List<Path> caches = caches(tmp);
            assertEquals(caches.toString(), 2, caches.size());
            Map<Path, List<String>> before = Map.of(caches.get(0), listing(caches.get(0)), caches.get(1),
                    listing(caches.get(1)));

            oscA.send("/quit");
            assertTrue("engine A did not exit after /quit", a.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, a.exitValue());
            long deadline = System.currentTimeMillis() + 5000;
            while (caches(tmp).size() > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            List<Path> left = caches(tmp);
            assertEquals("A's cache is removed, B's stays: " + left, 1, left.size());
            assertEquals("B's cache untouched", before.get(left.get(0)), listing(left.get(0)));
            assertServes(oscB, NOISE, SINE);
            assertFalse("a framework cache in the distribution", Files.exists(DIST.resolve("felix-cache")));

            oscB.send("/quit");
            assertTrue("engine B did not exit after /quit", b.waitFor(20, TimeUnit.SECONDS));
            deadline = System.currentTimeMillis() + 5000;
            while (!caches(tmp).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), caches(tmp));
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    /** {@code served} makes a synth, {@code other} is unknown there. */
    private static void assertServes(OscTestClient osc, String served, String other) throws IOException {
        osc.send("/synth/new", served, 10, 0, 1, new ArrayList<>(), new ArrayList<>());
        osc.send("/synth/new", other, 11, 0, 1, new ArrayList<>(), new ArrayList<>());
        osc.send("/node/free", 10);
        List<String> errors = osc.syncReplies().stream().filter(m -> m.getAddress().equals("/error"))
                .map(m -> m.getArguments().toString()).toList();
        assertEquals(errors.toString(), 1, errors.size());
        assertTrue(errors.toString(), errors.get(0).contains("11, unknown SynthDef " + other));
    }

    private static List<Path> caches(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("methcla-serve.")).sorted().toList();
        }
    }

    /** The framework cache's bundle folders. */
    private static List<String> listing(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache.resolve("felix"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- datagrams (OSC by hand: HandMadeOsc)

    private static void send(DatagramSocket s, byte[] b) throws IOException {
        s.send(new DatagramPacket(b, b.length));
    }

    /** The next datagram, or null at the socket's timeout or while nothing listens on the port. */
    private static byte[] receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        try {
            s.receive(p);
        } catch (SocketTimeoutException | PortUnreachableException e) {
            return null;
        }
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    // ---- the distribution as a process

    private static OSCBundle at(double seconds, OSCPacket... packets) {
        long whole = (long) Math.floor(seconds);
        long fraction = Math.round((seconds - whole) * 4294967296.0);
        return new OSCBundle(List.of(packets), OSCTimeTag64.valueOf((whole << 32) | fraction));
    }

    private record Result(int status, String out) {
    }

    private static Result render(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("render"));
        all.addAll(List.of(args));
        Path log = Files.createTempFile(WORK, "render", ".log");
        Process p = start(log, Map.of(), all.toArray(new String[0]));
        assertTrue("bin/methcla " + all + " did not finish", p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process start(Path log, Map<String, String> env, String... args) throws IOException {
        return Launcher.start(WORK, log, env, args);
    }

    private static void waitFor(Path log, String needle, long timeoutMs) throws IOException, InterruptedException {
        Launcher.waitFor(log, needle, timeoutMs);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
