package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import la.methc.api.SynthDef;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The sampler walk-through of docs/osc-api.md ("The sampler, step by step"), step by step, on the live engine (dummy
 * driver, UDP): record a sine burst into buffer 1, loop it at half speed, write it to a WAV file, read that into
 * buffer 2 and play it once, find its onset, normalise buffer 1 into buffer 3 and re-bind the player, free
 * everything. Every reply and notification is checked in the order it arrives, and the audio sample by sample
 * through {@link Probe} synths. Where it differs from that page: the messages that start synths go in one
 * bundle with the probes (so a probe starts in the same block as what it checks), the players write internal
 * buses (7, 8) where the probes read them instead of the hardware outputs, and the frees at the end are sent
 * one at a time, each after the reply to the one before, so that the order of their replies is fixed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SamplerWalkthroughIT {

    private static final String AB = "http://methc.la/resources/AudioBuffer/v1";
    private static final String SINE = "http://methc.la/plugins/sine";
    private static final String ENVELOPE = "http://methc.la/plugins/asr-envelope";
    private static final String RECORD = "http://methc.la/plugins/record";
    private static final String PLAY = "http://methc.la/plugins/play";
    private static final Path ROOT = Path.of("target/walkthrough-samples").toAbsolutePath();
    private static final int SR = 48000;

    /** The buffers: half a second, mono. */
    private static final int N = 24000;
    /** The recorder writes from this frame on; the frames before it stay silent. */
    private static final int REC_START = 12000;
    /** The burst: 0.1 s at full level, then a 0.1 s linear release, then silence. */
    private static final int SUSTAIN = 4800;
    private static final int RELEASE = 4800;
    private static final int A = 1;
    private static final int B = 2;
    private static final int C = 3;
    /** Generous for one reply; the slowest step (the recording) takes 0.25 s. */
    private static final long WAIT_MS = 5000;

    @Inject
    private BundleContext context;

    private ServiceRegistration<SynthDef> probe;
    private OscTestClient osc;

    @Configuration
    public Option[] config() throws IOException {
        // a fresh sample root; options are JVM-wide system properties, so every one this class needs is set
        if (Files.exists(ROOT)) {
            try (Stream<Path> files = Files.walk(ROOT)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Files.createDirectories(ROOT);
        return Provisioning.felix(Map.of("driver", "dummy", "port", Integer.toString(Provisioning.freePort()),
                "sampleRoot", ROOT.toString(), "sampleRate", Integer.toString(SR), "blockSize", "64",
                "internalBuses", "128", "maxResources", "1024", "maxNodes", "1024"));
    }

    @Before
    public void connect() throws Exception {
        probe = context.registerService(SynthDef.class, Probe.def(), null);
        osc = OscTestClient.udp(Integer.getInteger("methcla.port"));
        awaitEngine();
    }

    @After
    public void disconnect() throws Exception {
        // whatever a failed run left behind
        osc.send("/group/freeAll", 0);
        for (int id : new int[] {A, B, C}) {
            osc.send("/resource/free", id);
        }
        osc.sync();
        osc.close();
        probe.unregister();
        Probe.MADE.clear();
    }

    /** The engine answers, and every plugin the walk-through uses is bound (probed with requests it refuses). */
    private void awaitEngine() throws Exception {
        osc.awaitEngine(15_000);
        osc.awaitBound(15_000, o -> {
            // each is refused, by its plugin when it is bound (a target that is not there, a missing option,
            // too few arguments), else by the engine as unknown
            for (String uri : List.of(SINE, ENVELOPE, RECORD, PLAY)) {
                o.send(synthNew(uri, 1, 999, 1, List.of(), List.of()));
            }
            for (String command : List.of("/buffer/read", "/buffer/write", "/buffer/onsets", "/buffer/normalize")) {
                o.send(command);
            }
            o.send("/resource/new", AB, 0);
        }, got -> !OscTestClient.hasError(got, null, "unknown ") && OscTestClient.has(got, "/resource/error"),
                "a plugin of the walk-through");
    }

    @Test
    public void recordPlayWriteReadAnalyseNormaliseRebindAndFree() throws Exception {
        // 1. buffer 1: mono, half a second
        osc.send("/resource/new", AB, A, 1, N);
        expect("/resource/ready", A);

        // 2. recorded into from frame 12000 on: a 440 Hz sine (10) on bus 5, through a burst envelope (11) on bus
        // 6, into the recorder (12); meanwhile a player (13) loops buffer 1 at half speed. Done flags: the
        // envelope frees itself and the sine before it (3) when the burst is over, the recorder notifies and
        // frees itself (33) when the buffer is full. Here in one bundle, so that probe 0 (what the recorder
        // hears) and probe 1 (the player) start in the same block as the recorder and the player.
        osc.send("/notify", 1);
        expect("/done", "/notify");
        List<OSCPacket> p = new ArrayList<>();
        p.add(synthNew(SINE, 10, 0, 1, List.of(440f, 0.5f), List.of()));
        p.add(synthNew(ENVELOPE, 11, 0, 1, List.of(), List.of(0f, 0.1f, 1f, 0.1f)));
        p.add(synthNew(RECORD, 12, 0, 1, List.of(0f, (float) REC_START), List.of(A)));
        p.add(synthNew(PLAY, 13, 0, 1, List.of(0.5f, 1f), List.of(A)));
        p.add(synthNew(Probe.URI, 20, 0, 1, List.of(), List.of(0)));
        p.add(synthNew(Probe.URI, 21, 0, 1, List.of(), List.of(1)));
        p.add(msg("/synth/map/output", 10, 0, 5, 0));
        p.add(msg("/synth/map/input", 11, 0, 5, 0));
        p.add(msg("/synth/map/output", 11, 0, 6, 0));
        p.add(msg("/synth/map/input", 12, 0, 6, 0));
        p.add(msg("/synth/map/output", 13, 0, 7, 0)); // the walk-through: hardware output 0
        p.add(msg("/synth/map/input", 20, 0, 6, 0));
        p.add(msg("/synth/map/input", 21, 0, 7, 0));
        p.add(msg("/synth/property/doneFlags/set", 11, 3));
        p.add(msg("/synth/property/doneFlags/set", 12, 33));
        for (int id : new int[] {10, 11, 12, 13, 20, 21}) {
            p.add(msg("/synth/activate", id));
        }
        osc.send(new OSCBundle(p));
        // after 0.2 s the burst is over: the envelope frees the sine, then itself; after 0.25 s the buffer is full
        expect("/node/ended", 10);
        expect("/node/ended", 11);
        expect("/node/done", 12);
        expect("/node/ended", 12);
        assertEquals(List.of(A, AB, "live", 1), query(A)); // the player holds it

        // buffer 1 as recorded: silence, then what the recorder heard (probe 0 started in its block)
        float[] heard = Probe.MADE.get(0).await(N - REC_START);
        float[] a = new float[N];
        System.arraycopy(heard, 0, a, REC_START, N - REC_START);
        for (int t = 0; t < N - REC_START; t++) {
            assertEquals("burst frame " + t, burst(t), heard[t], 1e-6);
        }
        assertEquals(0.5, Signals.peak(a, 0, N), 1e-4);
        assertEquals(0f, Signals.peak(a, 0, REC_START), 0f);
        assertEquals(0f, Signals.peak(a, REC_START + SUSTAIN + RELEASE, N), 0f);

        // the player, half speed, linear: output frame 2j is frame j of buffer 1, frame 2j + 1 the midpoint
        // (the last one with frame 0, where the loop wraps); one pass of the loop takes 48000 frames
        Probe player = Probe.MADE.get(1);
        float[] half = player.await(2 * N);
        for (int k = 0; k < 2 * N; k++) {
            assertEquals("half speed, frame " + k, linear(a, k * 0.5), half[k], 1e-6);
            if (k % 2 == 0) {
                assertEquals("half speed, frame " + k + " is buffer frame " + k / 2, a[k / 2], half[k], 0f);
            }
        }
        assertEquals(220.0, Signals.frequency(half, 2 * REC_START, 2 * (REC_START + SUSTAIN), SR), 0.5);

        // 3. buffer 1 written to a 32-bit float WAV in the sample root
        osc.send("/buffer/write", A, "sine.wav");
        expect("/done", "/buffer/write", A);
        float[][] wav = Wav.read(ROOT.resolve("sine.wav"));
        assertEquals(1, wav.length);
        assertSamples(a, wav[0], "sine.wav");

        // 4. buffer 2
        osc.send("/resource/new", AB, B, 1, N);
        expect("/resource/ready", B);

        // 5. read from the file; its onsets: one, where the burst starts, within a hop (256 frames)
        osc.send("/buffer/read", B, "sine.wav");
        osc.send("/buffer/onsets", B, 1f);
        expect("/done", "/buffer/read", B);
        OSCMessage onsets = next();
        assertEquals(OscTestClient.describe(List.of(onsets)), "/buffer/onsets.reply", onsets.getAddress());
        List<Object> frames = onsets.getArguments();
        assertEquals(frames.toString(), 2, frames.size());
        assertEquals(B, frames.get(0));
        assertTrue(frames.toString(), Math.abs((Integer) frames.get(1) - REC_START) <= 256);

        // 6. buffer 2 played once at rate 1 (14; it notifies and frees itself at the end): buffer 1, bit for bit
        osc.send("/notify", 1);
        expect("/done", "/notify");
        osc.send(new OSCBundle(List.of(synthNew(PLAY, 14, 0, 1, List.of(), List.of(B)),
                synthNew(Probe.URI, 22, 0, 1, List.of(), List.of(2)),
                msg("/synth/map/output", 14, 0, 8, 0), // the walk-through: hardware output 1
                msg("/synth/map/input", 22, 0, 8, 0),
                msg("/synth/property/doneFlags/set", 14, 33), msg("/synth/activate", 14),
                msg("/synth/activate", 22))));
        expect("/node/done", 14);
        expect("/node/ended", 14);
        assertSamples(a, Probe.MADE.get(2).await(N), "buffer 2 played at rate 1");

        // 7. buffer 3, fresh
        osc.send("/resource/new", AB, C, 1, N);
        expect("/resource/ready", C);

        // 8. buffer 1 normalised to peak 1 into buffer 3, while 13 plays buffer 1
        osc.send("/buffer/normalize", A, C, 1f);
        expect("/done", "/buffer/normalize", A);

        // 9. 13 re-bound to buffer 3 (parameter 0): nobody holds buffer 1 any more
        osc.send("/node/set", 13, 0, C);
        assertEquals(List.of(A, AB, "live", 0), query(A));
        assertEquals(List.of(C, AB, "live", 1), query(C));
        // buffer 3 is buffer 1 scaled to peak 1; a probe started now hears 13 go on where it was in the loop
        double max = Signals.peak(a, 0, N);
        float[] c = new float[N];
        for (int i = 0; i < N; i++) {
            c[i] = (float) (a[i] * (1.0 / max));
        }
        osc.send(new OSCBundle(List.of(synthNew(Probe.URI, 23, 0, 1, List.of(), List.of(3)),
                msg("/synth/map/input", 23, 0, 7, 0), msg("/synth/activate", 23))));
        osc.send("/sync", 9);
        expect("/synced", 9);
        Probe after = Probe.MADE.get(3);
        float[] louder = after.await(2 * N);
        long offset = after.startFrame() - player.startFrame();
        for (int k = 0; k < 2 * N; k++) {
            double pos = ((offset + k) % (2 * N)) * 0.5;
            assertEquals("re-bound to buffer 3, frame " + k, linear(c, pos), louder[k], 1e-6);
        }
        assertEquals(1.0, Signals.peak(louder, 0, 2 * N), 1e-6);

        // 10. buffer 1 freed: destroyed at once, nobody holds it
        osc.send("/resource/free", A);
        expect("/resource/destroyed", A);

        // 11. the player freed, then buffers 2 and 3; nothing is left
        osc.send("/node/free", 13);
        expect("/node/ended", 13);
        osc.send("/resource/free", B);
        expect("/resource/destroyed", B);
        osc.send("/resource/free", C);
        expect("/resource/destroyed", C);
        for (int id = 20; id <= 23; id++) { // the probes, which the walk-through has not
            osc.send("/node/free", id);
            expect("/node/ended", id);
        }
        osc.send("/status");
        OSCMessage status = next();
        assertEquals("/status.reply", status.getAddress());
        assertEquals(List.of(0, 1, 0), status.getArguments().subList(0, 3));
        osc.send("/sync", 11);
        expect("/synced", 11);
        List<OSCMessage> rest = osc.drain(100);
        assertTrue("nothing more: " + OscTestClient.describe(rest), rest.isEmpty());
    }

    /** What the envelope gives the recorder at its frame t: the sine, at full level, then released to 0. */
    private static double burst(int t) {
        float sine = (float) (0.5 * Math.sin(2 * Math.PI * 440 * t / SR));
        double gain = t < SUSTAIN ? 1 : t < SUSTAIN + RELEASE ? 1 - (1.0 / RELEASE) * (t - SUSTAIN) : 0;
        return (float) (sine * gain);
    }

    /** {@code x} at position {@code pos}, linearly interpolated, looping (frame n is frame 0). */
    private static double linear(float[] x, double pos) {
        int i = (int) pos;
        double f = pos - i;
        double a = x[i];
        return (float) (a + f * (x[(i + 1) % x.length] - a));
    }

    private static void assertSamples(float[] expected, float[] actual, String what) {
        assertEquals(what + ": frames", expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + ": frame " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    /** The next reply, whatever it is, is {@code address args…}. */
    private void expect(String address, Object... args) throws IOException {
        OSCMessage m = next();
        String expected = OscTestClient.describe(List.of(msg(address, args)));
        assertEquals(expected, OscTestClient.describe(List.of(m)));
    }

    private OSCMessage next() throws IOException {
        return osc.next(WAIT_MS);
    }

    private List<Object> query(int id) throws IOException {
        osc.send("/resource/query", id);
        OSCMessage m = next();
        assertEquals("/resource/info", m.getAddress());
        return m.getArguments();
    }

    private static OSCMessage synthNew(String uri, int id, int target, int action, List<Object> controls,
            List<Object> options) {
        return msg("/synth/new", uri, id, target, action, new ArrayList<>(controls), new ArrayList<>(options));
    }
}
