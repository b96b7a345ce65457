package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import la.methc.osc.OscCodec;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The built distribution as a user runs it: {@code bin/methcla} started as a process, a plugin hot-deployed
 * into {@code plugins/} and played, then removed; {@code bin/methcla render} and {@code bin/methcla osc}.
 */
public class DistributionIT {

    private static final Path DIST = Launcher.DIST;
    private static final Path WORK = Path.of("target/distribution-it").toAbsolutePath();

    @BeforeClass
    public static void prepare() throws IOException {
        Files.createDirectories(WORK);
    }

    @Test
    public void hotDeployedPluginPlaysAndLeavesCleanly() throws Exception {
        // start without the sine plugin, then drop it in
        Path sine = DIST.resolve("plugins/sine-bundle.jar");
        Path aside = WORK.resolve("sine-bundle.jar");
        Files.move(sine, aside, StandardCopyOption.REPLACE_EXISTING);
        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        Process engine = start(log, "--port", Integer.toString(port), "--driver", "dummy");
        try (OscTestClient osc = OscTestClient.udp(port)) {
            waitFor(log, "methcla ready udp 127.0.0.1:" + port + " tcp " + port + " driver dummy", 20_000);
            osc.send("/notify", 1);
            osc.await("/done");
            newSine(osc, 10);
            assertTrue(osc.await("/error").getArguments().get(2).toString().contains("unknown SynthDef"));

            Files.copy(aside, sine);
            waitFor(log, "bound SynthDef http://methc.la/plugins/sine", 10_000);
            // the server logs the time of day (a render, the milliseconds since start: renderWritesTheScoreToWav)
            assertLine(Files.readString(log, StandardCharsets.UTF_8),
                    "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[[^]]+\\] INFO SynthDefRegistry - bound SynthDef "
                            + "http://methc.la/plugins/sine$");
            newSine(osc, 10);
            osc.send("/synth/map/output", 10, 0, 0, 1);
            osc.send("/synth/activate", 10);
            osc.send("/node/set", 10, 0, 660f);
            osc.sync();
            osc.send("/status");
            List<Object> status = osc.await("/status.reply").getArguments();
            assertEquals("synths", 1, status.get(0));
            String rest = OscTestClient.describe(osc.drain(100));
            assertTrue("no /error expected: " + rest, !rest.contains("/error"));

            // removing the bundle frees its synth first
            Files.delete(sine);
            assertEquals(10, osc.await("/node/ended", 10_000).getArguments().get(0));
            newSine(osc, 11);
            assertTrue(osc.await("/error").getArguments().get(2).toString().contains("unknown SynthDef"));

            // the shipped client talks to it too
            String reply = run("osc", "127.0.0.1", Integer.toString(port), "/version");
            assertTrue(reply, reply.contains("/version.reply \"Methcla/J\" 0 1 \"0.1.0\""));

            osc.send("/quit");
            osc.await("/done");
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, engine.exitValue());
        } finally {
            engine.destroyForcibly();
            if (!Files.exists(sine)) {
                Files.copy(aside, sine);
            }
        }
        waitFor(log, "engine stopped", 1000);
    }

    /** {@code --allow 127.0.0.2}: a client on 127.0.0.1 gets nothing, one on 127.0.0.2 is served. */
    @Test
    public void allowServesOnlyTheListedClients() throws Exception {
        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla-allow.log");
        Process engine = start(log, "--port", Integer.toString(port), "--driver", "dummy", "--allow", "127.0.0.2");
        try (OscTestClient refused = OscTestClient.udp(port);
                DatagramSocket allowed = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0))) {
            waitFor(log, "methcla ready udp 127.0.0.1:" + port, 20_000);
            waitFor(log, "clients allowed: 127.0.0.2", 1000);
            refused.send("/version");
            assertEquals(List.of(), refused.drain(500));
            waitFor(log, "refused UDP datagrams from 127.0.0.1: not in the allow-list", 5000);

            allowed.setSoTimeout(5000);
            byte[] version = OscCodec.toBytes(new OSCMessage("/version"));
            allowed.send(new DatagramPacket(version, version.length, InetAddress.getLoopbackAddress(), port));
            byte[] buffer = new byte[1024];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            allowed.receive(reply);
            assertEquals("/version.reply", ((OSCMessage) OscCodec.decode(buffer, 0, reply.getLength())).getAddress());

            byte[] quit = OscCodec.toBytes(new OSCMessage("/quit"));
            allowed.send(new DatagramPacket(quit, quit.length, InetAddress.getLoopbackAddress(), port));
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, engine.exitValue());
        } finally {
            engine.destroyForcibly();
        }
    }

    /** A malformed {@code --allow} entry: one clear line, and the process ends instead of running without an engine. */
    @Test
    public void aMalformedAllowListStopsStartUp() throws Exception {
        String out = runFailing("methcla-bad-allow.log", "--port", Integer.toString(Provisioning.freePort()),
                "--driver", "dummy", "--allow", "10.0.0.0/8,my-laptop");
        assertTrue(out, out.contains("methcla: cannot start the engine: allow: 'my-laptop': not an IP address "
                + "literal"));
        assertTrue(out, !out.contains("methcla ready"));
    }

    /** {@code --dsp-threads} reaches the engine's {@code dspThreads}: a value it cannot use stops start-up. */
    @Test
    public void dspThreadsMustBePositive() throws Exception {
        String out = runFailing("methcla-bad-dsp-threads.log", "--port", Integer.toString(Provisioning.freePort()),
                "--driver", "dummy", "--dsp-threads", "0");
        assertTrue(out, out.contains("methcla: cannot start the engine: dspThreads must be positive: 0"));
        assertTrue(out, !out.contains("methcla ready"));
    }

    /** The OSC port is taken: one clear line and status 2, not a framework left running without its engine. */
    @Test
    public void aTakenPortStopsStartUp() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            String out = runFailing("methcla-taken-port.log", "--port", Integer.toString(port), "--driver", "dummy");
            assertTrue(out, out.contains("methcla: cannot start the engine: cannot listen on 127.0.0.1:" + port));
            assertTrue(out, !out.contains("methcla ready"));
            assertTrue(out, !out.contains("Exception"));
        }
    }

    /**
     * The engine's bundle does not resolve (here a stand-in that imports a package nobody exports): the startup
     * guard prints why and the render ends with status 2 instead of waiting for ever.
     */
    @Test
    public void anEngineBundleThatDoesNotResolveEndsARender() throws Exception {
        Path engineJar = DIST.resolve("system/engine-bundle.jar");
        Path aside = WORK.resolve("engine-bundle.jar");
        Files.move(engineJar, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", "engine-bundle");
            main.putValue("Bundle-Version", "0.1.0");
            main.putValue("Import-Package", "la.methc.nowhere");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(engineJar), manifest)) {
                jar.flush();
            }
            Path score = WORK.resolve("sines.osc");
            SineScore.write(score);
            String out = runFailing("methcla-unresolved.log", "render", score.toString(),
                    WORK.resolve("unresolved.wav").toString());
            assertTrue(out, out.contains("methcla: cannot start the engine: bundle engine-bundle ("));
            assertTrue(out, out.contains("did not start: Unable to resolve"));
            assertTrue(out, out.contains("la.methc.nowhere"));
        } finally {
            Files.move(aside, engineJar, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    public void renderWritesTheScoreToWav() throws Exception {
        Path score = WORK.resolve("sines.osc");
        Path wav = WORK.resolve("sines.wav");
        SineScore.write(score);
        Files.deleteIfExists(wav);
        String out = run("render", score.toString(), wav.toString());
        assertLine(out, "^\\d+ \\[methcla-render\\] INFO EngineRuntime - methcla rendered ");
        SineScore.check(Wav.read(wav));
    }

    /**
     * A render starts its plugins without FileInstall and ConfigAdmin when plugins/ holds bundles only; a
     * configuration there brings them back, and it applies to the render as it does to the server.
     */
    @Test
    public void aConfigurationInPluginsAppliesToARender() throws Exception {
        Path score = WORK.resolve("sines.osc");
        Path wav = WORK.resolve("three-outputs.wav");
        Path cfg = DIST.resolve("plugins/la.methc.engine.cfg");
        SineScore.write(score);
        Files.writeString(cfg, "hardwareOutputs=3\n");
        try {
            String out = run("render", score.toString(), wav.toString());
            assertTrue(out, out.contains("Creating configuration {la.methc.engine}"));
            float[][] audio = Wav.read(wav);
            assertEquals(3, audio.length);
            SineScore.check(new float[][] {audio[0], audio[1]});
            assertEquals(0.0, Signals.peak(audio[2], 0, audio[2].length), 0.0);
        } finally {
            Files.delete(cfg);
        }
        // without it, the render's WAV has the default two outputs again
        String out = run("render", score.toString(), wav.toString());
        assertTrue(out, !out.contains("Creating configuration"));
        SineScore.check(Wav.read(wav));
    }

    private static void newSine(OscTestClient osc, int id) throws IOException {
        osc.send("/synth/new", "http://methc.la/plugins/sine", id, 0, 1, new ArrayList<>(List.of(440f, 0.1f)),
                new ArrayList<>());
    }

    private static Process start(Path log, String... args) throws IOException {
        return Launcher.start(WORK, log, Map.of(), args);
    }

    /** Runs {@code bin/methcla args…} to completion; returns its output, failing on a non-zero exit. */
    private static String run(String... args) throws Exception {
        Path log = Files.createTempFile(WORK, "run", ".log");
        Process p = start(log, args);
        assertTrue("bin/methcla " + String.join(" ", args) + " did not finish", p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(out, 0, p.exitValue());
        return out;
    }

    /**
     * Runs {@code bin/methcla args…}, which must fail to start: it ends within 20 s with status 2 (logged to
     * {@code logName} in the work folder). Returns its output.
     */
    private static String runFailing(String logName, String... args) throws Exception {
        Path log = WORK.resolve(logName);
        Process p = start(log, args);
        try {
            assertTrue("bin/methcla " + String.join(" ", args) + " did not end", p.waitFor(20, TimeUnit.SECONDS));
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(out, 2, p.exitValue());
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    /** A line of {@code text} matches {@code regex}. */
    private static void assertLine(String text, String regex) {
        assertTrue(regex + " in\n" + text, Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find());
    }

    private static void waitFor(Path log, String needle, long timeoutMs) throws IOException, InterruptedException {
        Launcher.waitFor(log, needle, timeoutMs);
    }
}
