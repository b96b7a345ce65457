package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * DSP threads in the built distribution (ADR 0014, 0015): the dummy driver's RT thread computing blocks in real time
 * with {@code --dsp-threads 1, 2, 4} records the same take, sample for sample (OSC written by hand, the WAV read
 * back by this module's own reader); {@code --rt-priority} reaches the RT and DSP threads, as util-linux's
 * {@code chrt -p} reads them back.
 */
public class DspThreadsIT {

    private static final Path WORK = Path.of("target/dsp-threads-it").toAbsolutePath();
    private static final Path SAMPLES = WORK.resolve("samples");
    private static final String SINE = "http://methc.la/plugins/sine";
    /** Runs of 16 isolated synths are spread (384 by default: fewer synths keep the bundles in one datagram). */
    private static final Map<String, String> SHORT_RUNS = Map.of("JAVA_OPTS", "-Dmethcla.render.minRun=16");
    private static final int SINES = 48;
    /** Frames compared: the recording is stopped later, at a frame each run places on its own. */
    private static final int FRAMES = 20_000;

    @BeforeClass
    public static void prepare() throws IOException {
        Files.createDirectories(SAMPLES);
    }

    @Test
    public void oneTwoAndFourDspThreadsRecordTheSameTake() throws Exception {
        float[][] one = take(1);
        float[][] two = take(2);
        float[][] four = take(4);
        for (int c = 0; c < 2; c++) {
            assertTrue("channel " + c + " sounds", Signals.peak(one[c], 0, FRAMES) > 0.05);
            assertSame(one[c], two[c], "2 DSP threads, channel " + c);
            assertSame(one[c], four[c], "4 DSP threads, channel " + c);
        }
    }

    /** {@code --rt-priority 5}: the RT thread and both helpers say what they got, and a grant is in force. */
    @Test
    public void rtPriorityReachesTheRtAndDspThreads() throws Exception {
        int port = Provisioning.freePort();
        Path log = WORK.resolve("priority.log");
        Process engine = Launcher.serve(WORK, log, port, "--dsp-threads", "3", "--rt-priority", "5");
        try {
            for (String thread : List.of("methcla-rt", "methcla-dsp-1", "methcla-dsp-2")) {
                String granted = thread + " runs at real-time priority: SCHED_FIFO 5 (thread ";
                String refused = thread + " runs at normal priority: SCHED_FIFO 5 was refused (";
                awaitEither(log, granted, refused);
                if (Files.readString(log, StandardCharsets.UTF_8).contains(granted)) {
                    String policy = chrt(engine.pid(), thread);
                    assertTrue(thread + ": " + policy, policy.contains("SCHED_FIFO") && policy.contains("priority: 5"));
                }
            }
            assertTrue(chrt(engine.pid(), "methcla-notifie").contains("SCHED_OTHER"));
        } finally {
            engine.destroy();
            engine.waitFor(20, TimeUnit.SECONDS);
            engine.destroyForcibly();
        }
    }

    /** A priority outside 0–99 stops start-up with one line. */
    @Test
    public void rtPriorityMustBeAFifoPriority() throws Exception {
        Path log = WORK.resolve("bad-priority.log");
        Process engine = Launcher.start(WORK, log, Map.of(), "--port", Integer.toString(Provisioning.freePort()),
                "--driver", "dummy", "--rt-priority", "100");
        assertTrue(engine.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, engine.exitValue());
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(out, out.contains("methcla: cannot start the engine: rtPriority must be 0 (none) or a SCHED_FIFO"
                + " priority from 1 to 99: 100"));
    }

    /**
     * A take on {@code threads} DSP threads: 48 sines made at once, then one bundle 0.3 s ahead starts the recording
     * and the sines (one run, spread), 24 to each output, all at its frame; the recording stops 0.6 s after. (Two
     * timed bundles would not do: one that RT takes late runs at once, and the two would be apart by a few frames
     * less on a busy machine.) Returns the first {@link #FRAMES} frames.
     */
    private static float[][] take(int threads) throws Exception {
        String name = "take-" + threads + ".wav";
        Files.deleteIfExists(SAMPLES.resolve(name));
        int port = Provisioning.freePort();
        Path log = WORK.resolve("take-" + threads + ".log");
        Process engine = Launcher.start(WORK, log, SHORT_RUNS, "--port", Integer.toString(port), "--driver",
                "dummy", "--dsp-threads", Integer.toString(threads), "--max-nodes", "256", "--sample-root",
                SAMPLES.toString());
        try (DatagramSocket osc = new DatagramSocket()) {
            osc.connect(new InetSocketAddress("127.0.0.1", port));
            Launcher.waitFor(log, "methcla ready udp 127.0.0.1:" + port, 30_000);
            // the synths made first, so that the timed bundles hold only what RT does at once: none comes late
            List<byte[]> made = new ArrayList<>();
            for (int i = 0; i < SINES; i++) {
                made.addAll(sine(100 + i, 110f + 31.7f * i, i % 2));
            }
            send(osc, HandMadeOsc.bundle(HandMadeOsc.immediately(), made.toArray(new byte[0][])));
            send(osc, HandMadeOsc.message("/sync", 1));
            awaitDone(osc, "/synced");
            Instant start = Instant.now().plusMillis(300);
            List<byte[]> first = new ArrayList<>(List.of(HandMadeOsc.message("/output/record/start", name, 2)));
            for (int i = 0; i < SINES; i++) {
                first.add(HandMadeOsc.message("/synth/activate", 100 + i));
            }
            send(osc, HandMadeOsc.bundle(tag(start, 0), first.toArray(new byte[0][])));
            send(osc, HandMadeOsc.bundle(tag(start, 600), HandMadeOsc.message("/output/record/stop")));
            awaitDone(osc, "/output/record/start");
            List<Object> stop = awaitDone(osc, "/output/record/stop");
            assertEquals("no block lost", 0, stop.get(3));
            send(osc, HandMadeOsc.message("/quit"));
            assertTrue("the engine ends after /quit", engine.waitFor(30, TimeUnit.SECONDS));
        } finally {
            engine.destroyForcibly();
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        if (threads > 1) {
            // the run was spread: the helpers took part (the shutdown line counts the runs handed out)
            assertTrue(said, said.contains(threads + " synth threads: ") && said.contains(" runs handed out"));
        }
        float[][] take = Wav.read(SAMPLES.resolve(name));
        assertEquals(2, take.length);
        assertTrue("frames: " + take[0].length, take[0].length >= FRAMES);
        return new float[][] {Arrays.copyOf(take[0], FRAMES), Arrays.copyOf(take[1], FRAMES)};
    }

    private static List<byte[]> sine(int id, float freq, int channel) {
        return List.of(HandMadeOsc.message("/synth/new", SINE, id, 0, 1, List.of(freq, 0.02f), List.of()),
                HandMadeOsc.message("/synth/map/output", id, 0, channel, 1));
    }

    /** The time tag {@code ms} after {@code t}: whole seconds and a fraction in units of 2^-32 s. */
    private static byte[] tag(Instant t, long ms) {
        Instant at = t.plusMillis(ms);
        return HandMadeOsc.timeTag(at.getEpochSecond(), at.getNano() / 1e9);
    }

    private static void assertSame(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                throw new AssertionError(what + ": frame " + i + " differs: " + expected[i] + " on 1 thread, "
                        + actual[i]);
            }
        }
    }

    private static void awaitEither(Path log, String a, String b) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            if (s.contains(a) || s.contains(b)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("neither '" + a + "' nor '" + b + "' in " + log + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** {@code chrt -p} for the thread of process {@code pid} that the OS names {@code comm}. */
    private static String chrt(long pid, String comm) throws Exception {
        String tid = null;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (comm(t).equals(comm)) {
                    tid = t.getFileName().toString();
                }
            }
        }
        assertTrue("no thread " + comm + " in process " + pid, tid != null);
        Process p = new ProcessBuilder("chrt", "-p", tid).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The name the OS gives thread {@code task}, or "" when it ended since {@code /proc} was listed. */
    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void send(DatagramSocket s, byte[] b) throws IOException {
        assertTrue("a datagram of " + b.length + " bytes", b.length < 60_000);
        s.send(new DatagramPacket(b, b.length));
    }

    /**
     * Replies up to {@code /done command} (or {@code /synced}), which it returns; {@code /node/ended} passes, anything
     * else fails.
     */
    private static List<Object> awaitDone(DatagramSocket s, String command) throws IOException {
        while (true) {
            List<Object> r = reply(s);
            if (r.get(0).equals(command) || r.size() >= 2 && r.get(0).equals("/done") && r.get(1).equals(command)) {
                return r;
            }
            assertEquals("only synths ending before /done " + command + ": " + r, "/node/ended", r.get(0));
        }
    }

    private static List<Object> reply(DatagramSocket s) throws IOException {
        s.setSoTimeout(10_000);
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no reply within 10 s", e);
        }
        return OperatingIT.decode(Arrays.copyOf(p.getData(), p.getLength()));
    }
}
