package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Operating the built distribution: recording what the engine plays ({@code /output/record/start|stop}, with OSC
 * bytes written by hand from the specification), the log's level and file ({@code --log-level}, {@code --log-file})
 * for the server and for renders, and a render's progress (not shown when standard error is not a terminal).
 */
public class OperatingIT {

    private static final Path WORK = Path.of("target/operating-it").toAbsolutePath();
    private static final String SINE = "http://methc.la/plugins/sine";
    private static final Pattern LOG_LINE = Pattern.compile("^[\\d:.]+ \\[[^]]+\\] (TRACE|DEBUG|INFO|WARN|ERROR) ",
            Pattern.MULTILINE);

    @BeforeClass
    public static void prepare() throws IOException {
        Files.createDirectories(WORK.resolve("samples"));
    }

    /**
     * A sine on the left output, recorded in mono for about half a second into the sample root; the WAV is read back
     * with javax.sound. Mistakes are answered; {@code /quit} while recording leaves a valid file. The server logs to
     * {@code --log-file} at {@code --log-level debug}, and nothing of the log reaches its standard error.
     */
    @Test
    public void recordsWhatTheEnginePlaysAndLogsToItsFile() throws Exception {
        Path samples = WORK.resolve("samples");
        Files.deleteIfExists(samples.resolve("take.wav"));
        Files.deleteIfExists(samples.resolve("cut.wav"));
        Path logFile = WORK.resolve("server-file.log");
        int frames;
        Path out = WORK.resolve("server-out.log");
        int port = Provisioning.freePort();
        Process engine = Launcher.start(WORK, out, Map.of(), "--port", Integer.toString(port), "--driver", "dummy",
                "--sample-root", samples.toString(), "--log-level", "debug", "--log-file", logFile.toString());
        try (DatagramSocket osc = new DatagramSocket()) {
            osc.connect(new InetSocketAddress("127.0.0.1", port));
            Launcher.waitFor(out, "methcla ready udp 127.0.0.1:" + port, 20_000);
            send(osc, HandMadeOsc.message("/synth/new", SINE, 100, 0, 1, List.of(440f, 0.5f), List.of()));
            send(osc, HandMadeOsc.message("/synth/map/output", 100, 0, 0, 1));
            send(osc, HandMadeOsc.message("/synth/activate", 100));
            send(osc, HandMadeOsc.message("/output/record/start", "take.wav", 1));
            assertEquals(List.of("/done", "/output/record/start"), reply(osc));
            Thread.sleep(500);
            send(osc, HandMadeOsc.message("/output/record/stop"));
            List<Object> done = reply(osc);
            assertEquals(done.toString(), List.of("/done", "/output/record/stop"), done.subList(0, 2));
            frames = (Integer) done.get(2);
            assertEquals("no block lost", 0, done.get(3));
            assertTrue("about half a second: " + frames, frames > 20_000 && frames < 200_000);

            float[][] take = Wav.read(samples.resolve("take.wav"));
            assertEquals(1, take.length);
            assertEquals(frames, take[0].length);
            assertEquals(0.5, Signals.peak(take[0], 0, frames), 1e-3);
            assertEquals(440.0, Signals.frequency(take[0], 0, frames, 48000), 1.0);

            send(osc, HandMadeOsc.message("/output/record/stop"));
            assertEquals(List.of("/error", "/output/record/stop", -1, "not recording"), reply(osc));
            send(osc, HandMadeOsc.message("/output/record/start", "../escape.wav"));
            List<Object> outside = reply(osc);
            assertEquals(outside.toString(), "/error", outside.get(0));
            assertTrue(outside.toString(), outside.get(3).toString().contains("is outside the sample root"));
            send(osc, HandMadeOsc.message("/output/record/start", "cut.wav", 3));
            assertEquals(List.of("/error", "/output/record/start", -1,
                    "channels must be 1..2 (the hardware outputs): 3"), reply(osc));

            // recording as the engine quits: the file is closed, a valid WAV
            send(osc, HandMadeOsc.message("/output/record/start", "cut.wav"));
            assertEquals(List.of("/done", "/output/record/start"), reply(osc));
            Thread.sleep(200);
            send(osc, HandMadeOsc.message("/quit"));
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, engine.exitValue());
        } finally {
            engine.destroyForcibly();
        }
        float[][] cut = Wav.read(samples.resolve("cut.wav"));
        assertEquals(2, cut.length);
        assertTrue("frames: " + cut[0].length, cut[0].length > 4800);
        assertEquals(0.5, Signals.peak(cut[0], 0, cut[0].length), 1e-3);

        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertTrue(log, log.contains("INFO SynthDefRegistry - bound SynthDef " + SINE));
        assertTrue(log, log.contains("INFO Recording - recording to " + samples.toRealPath().resolve("take.wav")
                + " closed: " + frames + " frames"));
        assertTrue(log, log.contains("DEBUG Notifier - error /output/record/stop -1: not recording"));
        assertTrue(log, log.contains("engine stopped"));
        String console = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(console, console.contains("methcla ready"));
        assertFalse("no log line on the console:\n" + console, LOG_LINE.matcher(console).find());
    }

    /** {@code --log-level} sets what a render logs, {@code --log-file} where; a bad level is refused at once. */
    @Test
    public void aRenderLogsAtItsLevelToItsFile() throws Exception {
        Path score = WORK.resolve("sines.osc");
        SineScore.write(score);
        Path wav = WORK.resolve("sines.wav");

        String info = render(0, score, wav);
        assertTrue(info, info.contains(" INFO EngineRuntime - methcla rendered "));
        assertFalse(info, info.contains(" DEBUG "));
        assertFalse("no progress off a terminal: " + info, info.contains("\r"));

        String warn = render(0, score, wav, "--log-level", "warn", "--quiet");
        assertTrue(warn, warn.contains("methcla rendered")); // the result line, on standard output
        assertFalse(warn, warn.contains(" INFO "));

        Path logFile = WORK.resolve("render-file.log");
        String debug = render(0, score, wav, "--log-level", "debug", "--log-file", logFile.toString());
        assertTrue(debug, debug.contains("methcla rendered"));
        assertFalse("no log line on the console:\n" + debug, LOG_LINE.matcher(debug).find());
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertTrue(log, log.contains(" INFO EngineRuntime - methcla rendered "));
        assertTrue(log, log.contains(" DEBUG "));
        SineScore.check(Wav.read(wav));

        String bad = render(2, score, wav, "--log-level", "loud");
        assertTrue(bad, bad.contains("methcla: --log-level must be trace, debug, info, warn or error: loud"));
        String unwritable = render(2, score, wav, "--log-file", WORK.toString());
        assertTrue(unwritable, unwritable.contains("methcla: --log-file " + WORK + ": cannot write the file"));
    }

    /** Runs {@code bin/methcla render score wav args…}; checks its status, returns its output. */
    private static String render(int status, Path score, Path wav, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("render", score.toString(), wav.toString()));
        all.addAll(List.of(args));
        Path log = Files.createTempFile(WORK, "render", ".log");
        Process p = Launcher.start(WORK, log, Map.of(), all.toArray(new String[0]));
        assertTrue("bin/methcla " + all + " did not finish", p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(out, status, p.exitValue());
        return out;
    }

    // ---- datagrams, OSC by hand (HandMadeOsc), replies decoded here from the specification

    private static void send(DatagramSocket s, byte[] b) throws IOException {
        s.send(new DatagramPacket(b, b.length));
    }

    /** The next reply: its address, then its {@code i}, {@code f} and {@code s} arguments. */
    private static List<Object> reply(DatagramSocket s) throws IOException {
        s.setSoTimeout(5000);
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        try {
            s.receive(p);
        } catch (SocketTimeoutException | PortUnreachableException e) {
            throw new AssertionError("no reply within 5 s", e);
        }
        return decode(Arrays.copyOf(p.getData(), p.getLength()));
    }

    /** An OSC message: padded address, padded type tags, big-endian arguments (OSC 1.0). */
    static List<Object> decode(byte[] packet) {
        ByteBuffer b = ByteBuffer.wrap(packet);
        List<Object> out = new ArrayList<>();
        out.add(string(b));
        String tags = string(b);
        for (char t : tags.substring(1).toCharArray()) {
            switch (t) {
                case 'i' -> out.add(b.getInt());
                case 'f' -> out.add(b.getFloat());
                case 's' -> out.add(string(b));
                default -> throw new AssertionError("unexpected type tag " + t + " in " + HandMadeOsc.text(packet));
            }
        }
        return out;
    }

    private static String string(ByteBuffer b) {
        int start = b.position();
        int end = start;
        while (b.get(end) != 0) {
            end++;
        }
        String s = new String(b.array(), start, end - start, StandardCharsets.ISO_8859_1);
        b.position((end + 4) & ~3);
        return s;
    }
}
