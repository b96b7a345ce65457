package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import la.methc.api.Host;
import la.methc.api.Mutability;
import la.methc.api.OscArgs;
import la.methc.api.ResourceDef;
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
 * The resource protocol end to end: Felix with the real bundles (engine, AudioBuffer, sampler), the engine on
 * the dummy driver, driven over UDP. The AudioBuffer lifecycle with every notification, the errors for bad
 * requests, re-mapping a play synth, and the case the protocol exists for: one record synth and two play synths
 * on one buffer in one block, heard through {@link Probe} synths.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ResourceIT {

    private static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";
    private static final String SINE = "http://methc.la/plugins/sine";
    private static final String RECORD = "http://methc.la/plugins/record";
    private static final String PLAY = "http://methc.la/plugins/play";
    /** The engine's default {@code maxResources} (not set here: options are JVM-wide system properties). */
    private static final int MAX_RESOURCES = 1024;
    /** The Resource ids the tests use. */
    private static final int[] USED = {0, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int SR = 48000;

    @Inject
    private BundleContext context;

    private ServiceRegistration<SynthDef> probe;
    private OscTestClient osc;

    @Configuration
    public Option[] config() {
        return Provisioning.felix(Map.of("driver", "dummy", "port", Integer.toString(Provisioning.freePort())));
    }

    @Before
    public void connect() throws Exception {
        probe = context.registerService(SynthDef.class, Probe.def(), null);
        osc = OscTestClient.udp(Integer.getInteger("methcla.port"));
        awaitEngine();
        osc.send("/notify", 1);
        osc.await("/done");
    }

    @After
    public void disconnect() throws Exception {
        // whatever a failed test left behind: every node, every Resource (errors for free slots are ignored)
        osc.send("/group/freeAll", 0);
        for (int id : USED) {
            osc.send("/resource/free", id);
        }
        osc.sync();
        osc.close();
        probe.unregister();
        Probe.MADE.clear();
    }

    /** The engine answers once its component is active, and the plugins are bound soon after. */
    private void awaitEngine() throws Exception {
        osc.awaitEngine(15_000);
        osc.awaitBound(15_000, o -> {
            o.send("/synth/new", PLAY, 1, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(-1))); // refused: bad buffer
            o.send("/resource/new", AUDIO_BUFFER, 0); // refused by the def: no shape
        }, got -> OscTestClient.hasError(got, "/synth/new", "buffer (option 0)") && OscTestClient.has(got, "/resource/error"),
                "the sampler or AudioBuffer");
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    public void anAudioBufferGoesThroughItsLifecycleWithEveryNotification() throws Exception {
        osc.send("/resource/new", AUDIO_BUFFER, 3, 1, SR);
        assertEquals(List.of(3), osc.await("/resource/ready").getArguments());
        assertEquals(List.of(3, AUDIO_BUFFER, "live", 0), query(3));
        osc.send("/status");
        assertEquals(1, osc.await("/status.reply").getArguments().get(2));

        // a play synth (not even started) holds it from /synth/new on
        newSynth(PLAY, 20, 0, 1, List.of(), List.of(3));
        assertEquals(List.of(3, AUDIO_BUFFER, "live", 1), query(3));

        // freed while held: it stays live with its holder (free pending); nothing new may bind it
        osc.send("/resource/free", 3);
        assertEquals(List.of(3, AUDIO_BUFFER, "live", 1), query(3));
        osc.send("/status");
        assertEquals(1, osc.await("/status.reply").getArguments().get(2));
        newSynth(PLAY, 21, 0, 1, List.of(), List.of(3));
        assertError("/synth/new", 21, "resource 3: resource is being freed");
        osc.send("/resource/free", 3);
        assertError("/resource/free", 3, "resource 3 is already being freed");
        osc.sync();
        for (OSCMessage m : osc.drain(100)) {
            assertTrue("nothing else yet: " + m.getAddress() + " " + m.getArguments(),
                    !m.getAddress().startsWith("/resource/") && !m.getAddress().startsWith("/node/"));
        }

        // the last holder leaves: /node/ended, then the buffer is destroyed
        osc.send("/node/free", 20);
        OSCMessage first = osc.next(5000);
        assertEquals("/node/ended", first.getAddress());
        assertEquals(List.of(20), first.getArguments());
        OSCMessage second = osc.next(5000);
        assertEquals("/resource/destroyed", second.getAddress());
        assertEquals(List.of(3), second.getArguments());
        assertEquals(List.of(3, "", "free", 0), query(3));
        osc.send("/status");
        assertEquals(0, osc.await("/status.reply").getArguments().get(2));

        // the slot can be used again; a free with no holder destroys at once
        osc.send("/resource/new", AUDIO_BUFFER, 3, 2, 64, 44100f);
        assertEquals(List.of(3), osc.await("/resource/ready").getArguments());
        osc.send("/resource/free", 3);
        assertEquals(List.of(3), osc.await("/resource/destroyed").getArguments());
        assertEquals(List.of(3, "", "free", 0), query(3));
    }

    @Test
    public void aPlaySynthIsRemappedToAnotherBufferWithNodeSet() throws Exception {
        osc.send("/resource/new", AUDIO_BUFFER, 8, 1, 480);
        osc.send("/resource/new", AUDIO_BUFFER, 9, 1, 960);
        List<Object> ready = List.of(osc.await("/resource/ready").getArguments().get(0),
                osc.await("/resource/ready").getArguments().get(0));
        assertTrue(ready.toString(), ready.containsAll(List.of(8, 9)));
        newSynth(PLAY, 22, 0, 1, List.of(), List.of(8));
        assertEquals(1, query(8).get(3));

        // parameter 0 is the buffer: an int re-maps it; the hold moves
        osc.send("/node/set", 22, 0, 9);
        assertEquals(0, query(8).get(3));
        assertEquals(1, query(9).get(3));
        // a re-map to an id of no Live Resource is refused before anything is set; the old binding stays
        osc.send("/node/set", 22, 0, 12);
        assertError("/node/set", 22, "resource 12 for parameter 0 is free, not live");
        osc.send("/node/set", 22, 0, 99_999);
        assertError("/node/set", 22, "resource 99999 for parameter 0 is out of range 0..");
        assertEquals(1, query(9).get(3));
        // a float on the resource parameter is an error; parameter 1 (rate) takes it
        osc.send("/node/set", 22, 0, 1.0f);
        assertError("/node/set", 22, "parameter 0 is a resource port; give an int resource id");
        osc.send("/node/set", 22, 1, 0.5f);
        osc.send("/node/set", 22, 4, 1.0f);
        assertError("/node/set", 22, "parameter 4 out of range (synth has 4: 3 control inputs and 1 resource "
                + "ports)");
        osc.sync();
        for (OSCMessage m : osc.drain(100)) {
            assertTrue("unexpected " + m.getAddress() + " " + m.getArguments(), !m.getAddress().equals("/error"));
        }

        osc.send("/node/free", 22);
        assertEquals(List.of(22), osc.await("/node/ended").getArguments());
        assertEquals(List.of(9, AUDIO_BUFFER, "live", 0), query(9));
        osc.send("/resource/free", 8);
        osc.send("/resource/free", 9);
        List<Object> destroyed = List.of(osc.await("/resource/destroyed").getArguments().get(0),
                osc.await("/resource/destroyed").getArguments().get(0));
        assertTrue(destroyed.toString(), destroyed.containsAll(List.of(8, 9)));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    public void badResourceRequestsAreAnswered() throws Exception {
        // ids out of range, unknown defs, malformed messages: /error at once
        osc.send("/resource/new", AUDIO_BUFFER, MAX_RESOURCES, 1, 64);
        assertError("/resource/new", MAX_RESOURCES, "resource id 1024 out of range 0..1023");
        osc.send("/resource/new", AUDIO_BUFFER, -1, 1, 64);
        assertError("/resource/new", -1, "resource id -1 out of range 0..1023");
        osc.send("/resource/query", 5000);
        assertError("/resource/query", 5000, "out of range");
        osc.send("/resource/free", MAX_RESOURCES);
        assertError("/resource/free", MAX_RESOURCES, "out of range");
        osc.send("/resource/new", "http://methc.la/resources/Nope/v1", 4, 1, 64);
        assertError("/resource/new", 4, "unknown ResourceDef http://methc.la/resources/Nope/v1");
        osc.send("/resource/new", AUDIO_BUFFER);
        assertError("/resource/new", -1, "bad arguments");
        osc.send("/resource/new", 4, AUDIO_BUFFER);
        assertError("/resource/new", -1, "bad arguments");

        // arguments the AudioBuffer refuses: /resource/error from its construct, and the slot is free again
        assertRefused(List.of(0, 64), "numChannels must be 1..1024, got 0");
        assertRefused(List.of(1, -5), "numFrames must be 1..");
        assertRefused(List.of(1), "AudioBuffer expects i:numChannels i:numFrames [f:sampleRate], got 1 argument");
        assertRefused(List.of(1, 64, 0f), "sampleRate must be positive and finite, got 0.0");
        assertRefused(List.of(1.5f, 64), "numChannels: ");
        assertRefused(List.of(1024, 2147483639), "over the memory cap");

        // an occupied slot, a free slot
        osc.send("/resource/new", AUDIO_BUFFER, 6, 1, 64);
        assertEquals(List.of(6), osc.await("/resource/ready").getArguments());
        osc.send("/resource/new", AUDIO_BUFFER, 6, 1, 64);
        assertError("/resource/new", 6, "resource id 6 already in use (live)");
        osc.send("/resource/free", 7);
        assertError("/resource/free", 7, "resource 7 is not allocated");

        // play and record synths: missing or bad options, a buffer that is not live
        newSynth(PLAY, 40, 0, 1, List.of(), List.of(-1));
        assertError("/synth/new", 40, "play: buffer (option 0) must be a resource id >= 0, got -1");
        newSynth(PLAY, 40, 0, 1, List.of(), List.of(6, 0));
        assertError("/synth/new", 40, "channels (option 1) must be 1 to 64, got 0");
        newSynth(PLAY, 40, 0, 1, List.of(), List.of(6, 1, 3));
        assertError("/synth/new", 40, "interpolation (option 2) must be 0 (none), 1 (linear) or 2 (cubic), got 3");
        newSynth(RECORD, 40, 0, 1, List.of(), List.of(6, 1, 1));
        assertError("/synth/new", 40, "record: takes at most 2 options");
        newSynth(PLAY, 40, 0, 1, List.of(), List.of(7));
        assertError("/synth/new", 40, "resource 7: resource is not live");
        newSynth(RECORD, 40, 0, 1, List.of(), List.of(MAX_RESOURCES));
        assertError("/synth/new", 40, "resource 1024: resource id out of range");

        // a Resource of another kind is refused by the synth's URI check
        String tableUri = "http://methc.la/itests/resources/table";
        ServiceRegistration<ResourceDef> table = context.registerService(ResourceDef.class, new ResourceDef() {
            @Override
            public String uri() {
                return tableUri;
            }

            @Override
            public Mutability mutability() {
                return Mutability.IMMUTABLE;
            }

            @Override
            public Object construct(Host host, OscArgs args) {
                return new float[8];
            }

            @Override
            public void destroy(Host host, Object body) {
            }
        }, null);
        try {
            osc.send("/resource/new", tableUri, 5);
            assertEquals(List.of(5), osc.await("/resource/ready").getArguments());
            newSynth(PLAY, 40, 0, 1, List.of(), List.of(5));
            assertError("/synth/new", 40, "resource 5: resource is of another kind");
            assertEquals(List.of(5, tableUri, "live", 0), query(5));
        } finally {
            table.unregister();
        }
        assertEquals(List.of(5), osc.await("/resource/destroyed").getArguments());

        // nothing above was half-done: no synth, one live buffer (6)
        osc.send("/status");
        List<Object> status = osc.await("/status.reply").getArguments();
        assertEquals(0, status.get(0));
        assertEquals(1, status.get(2));
        osc.send("/resource/free", 6);
        assertEquals(List.of(6), osc.await("/resource/destroyed").getArguments());
    }

    /** {@code /resource/new AudioBuffer 4 args…} ends in {@code /resource/error 4 reason} and a free slot. */
    private void assertRefused(List<Object> args, String reasonPart) throws Exception {
        List<Object> a = new ArrayList<>(List.of(AUDIO_BUFFER, 4));
        a.addAll(args);
        osc.send(new OSCMessage("/resource/new", a));
        List<Object> e = osc.await("/resource/error").getArguments();
        assertEquals(e.toString(), 2, e.size());
        assertEquals(e.toString(), 4, e.get(0));
        assertTrue(args + " -> " + e, ((String) e.get(1)).contains(reasonPart));
        assertEquals(List.of(4, "", "free", 0), query(4));
    }

    // ---------------------------------------------------------------- record and play

    @Test
    public void oneRecorderAndTwoPlayersShareABufferInOneBlock() throws Exception {
        osc.send("/resource/new", AUDIO_BUFFER, 2, 1, SR);
        assertEquals(List.of(2), osc.await("/resource/ready").getArguments());

        // tree order: late player (head), sine, record, player at rate 1, player at rate 0.5, probes.
        // internal buses: 10 the sine, 11 and 12 the players after the recorder, 13 the player before it
        List<OSCPacket> p = new ArrayList<>();
        p.add(synthNew(SINE, 30, 0, 1, List.of(440f, 0.5f), List.of()));
        p.add(synthNew(RECORD, 31, 0, 1, List.of(), List.of(2)));
        p.add(synthNew(PLAY, 32, 0, 1, List.of(1f), List.of(2, 1, 1)));
        p.add(synthNew(PLAY, 33, 0, 1, List.of(0.5f), List.of(2, 1, 1)));
        p.add(synthNew(PLAY, 34, 0, 0, List.of(1f), List.of(2)));
        p.add(synthNew(Probe.URI, 35, 0, 1, List.of(), List.of(0)));
        p.add(synthNew(Probe.URI, 36, 0, 1, List.of(), List.of(1)));
        p.add(synthNew(Probe.URI, 37, 0, 1, List.of(), List.of(2)));
        p.add(synthNew(Probe.URI, 38, 0, 1, List.of(), List.of(3)));
        p.add(msg("/synth/map/output", 30, 0, 10, 0));
        p.add(msg("/synth/map/input", 31, 0, 10, 0));
        p.add(msg("/synth/map/output", 32, 0, 11, 0));
        p.add(msg("/synth/map/output", 33, 0, 12, 0));
        p.add(msg("/synth/map/output", 34, 0, 13, 0));
        for (int k = 0; k < 4; k++) {
            p.add(msg("/synth/map/input", 35 + k, 0, 10 + k, 0));
        }
        for (int id = 30; id <= 38; id++) {
            p.add(msg("/synth/activate", id));
        }
        osc.send(new OSCBundle(p));
        osc.sync();
        // the recorder and the three players hold the buffer
        assertEquals(List.of(2, AUDIO_BUFFER, "live", 4), query(2));

        int n = 9600; // 0.2 s
        float[] sine = Probe.MADE.get(0).await(n);
        float[] rate1 = Probe.MADE.get(1).await(n);
        float[] half = Probe.MADE.get(2).await(n);
        float[] before = Probe.MADE.get(3).await(n);
        long start = Probe.MADE.get(0).startFrame();
        for (int k = 1; k < 4; k++) {
            assertEquals("probe " + k + " started with the others", start, Probe.MADE.get(k).startFrame());
        }
        assertEquals(0.5, Signals.peak(sine, 0, n), 1e-3);
        assertEquals(440.0, Signals.frequency(sine, 0, n, SR), 0.5);
        assertEquals(0f, sine[0], 0f);

        // rate 1, after the recorder in the tree: this block's input, bit for bit
        assertArrayEquals(sine, rate1, 0f);
        // rate 0.5 (linear): frame 2j is recorded frame j exactly, frame 2j + 1 the midpoint; an octave down
        for (int j = 0; 2 * j + 1 < n; j++) {
            assertEquals("frame " + 2 * j, sine[j], half[2 * j], 0f);
            double mid = sine[j] + 0.5 * ((double) sine[j + 1] - sine[j]);
            assertEquals("frame " + (2 * j + 1), mid, half[2 * j + 1], 1e-6);
        }
        assertEquals(220.0, Signals.frequency(half, 0, n, SR), 0.5);
        assertEquals(0.5, Signals.peak(half, 0, n), 1e-3);
        // before the recorder in the tree: it reads each frame just before it is written, i.e. the zeroed buffer
        assertEquals(0f, Signals.peak(before, 0, n), 0f);

        for (int id = 30; id <= 38; id++) {
            osc.send("/node/free", id);
            assertEquals(List.of(id), osc.await("/node/ended").getArguments());
        }
        assertEquals(List.of(2, AUDIO_BUFFER, "live", 0), query(2));
        osc.send("/resource/free", 2);
        assertEquals(List.of(2), osc.await("/resource/destroyed").getArguments());
    }

    private List<Object> query(int id) throws Exception {
        osc.send("/resource/query", id);
        return osc.await("/resource/info").getArguments();
    }

    private void newSynth(String uri, int id, int target, int action, List<Object> controls, List<Object> options)
            throws Exception {
        osc.send(synthNew(uri, id, target, action, controls, options));
    }

    private static OSCMessage synthNew(String uri, int id, int target, int action, List<Object> controls,
            List<Object> options) {
        return msg("/synth/new", uri, id, target, action, new ArrayList<>(controls), new ArrayList<>(options));
    }

    private void assertError(String address, int id, String reasonPart) throws Exception {
        List<Object> e = osc.await("/error").getArguments();
        assertEquals(e.toString(), address, e.get(0));
        assertEquals(e.toString(), id, e.get(1));
        assertTrue(e.toString(), ((String) e.get(2)).contains(reasonPart));
    }
}
