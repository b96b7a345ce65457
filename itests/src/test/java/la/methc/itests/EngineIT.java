package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import la.methc.api.CommandDef;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Felix with the real bundles, the engine on the dummy driver, driven over OSC on loopback. Audio is looked
 * at through {@link Probe} synths the test registers in the framework.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EngineIT {

    private static final String SINE = "http://methc.la/plugins/sine";
    private static final int SR = 48000;

    @Inject
    private BundleContext context;

    private ServiceRegistration<SynthDef> probe;
    private OscTestClient osc;

    @Configuration
    public Option[] config() {
        return Provisioning.felix(Map.of("driver", "dummy", "port", Integer.toString(Provisioning.freePort()),
                "sampleRoot", Path.of("target/it-samples").toAbsolutePath().toString()));
    }

    @Before
    public void connect() throws Exception {
        probe = context.registerService(SynthDef.class, Probe.def(), null);
        osc = OscTestClient.udp(Integer.getInteger("methcla.port"));
        osc.awaitEngine(15_000);
        osc.send("/notify", 1);
        osc.await("/done");
    }

    @After
    public void disconnect() throws Exception {
        osc.send("/group/freeAll", 0);
        osc.sync();
        osc.close();
        probe.unregister();
        Probe.MADE.clear();
    }

    @Test
    public void everyBundleIsActiveAndEveryPluginBound() throws Exception {
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get("Fragment-Host") == null) {
                assertEquals(b.getSymbolicName() + " state", Bundle.ACTIVE, b.getState());
            }
        }
        Set<String> uris = new HashSet<>();
        for (ServiceReference<SynthDef> r : context.getServiceReferences(SynthDef.class, null)) {
            uris.add(context.getService(r).uri());
            context.ungetService(r);
        }
        for (String name : List.of("sine", "noise", "patch-cable", "amplifier", "asr-envelope", "done-after")) {
            assertTrue(name + " bound: " + uris, uris.contains("http://methc.la/plugins/" + name));
        }
        Set<String> commands = new HashSet<>();
        for (ServiceReference<CommandDef> r : context.getServiceReferences(CommandDef.class, null)) {
            commands.add(context.getService(r).address());
            context.ungetService(r);
        }
        assertEquals(Set.of("/buffer/read", "/buffer/write", "/buffer/query", "/buffer/onsets", "/buffer/normalize"),
                commands);
        // slf4j inside the framework must reach the real backend, not NOP
        Bundle engine = bundle("engine-bundle");
        Object factory = engine.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", factory.getClass().getName());
    }

    @Test
    public void serverCommandsAnswerOverUdpAndTcp() throws Exception {
        osc.send("/version");
        assertEquals(List.of("Methcla/J", 0, 1, "0.1.0"), osc.await("/version.reply").getArguments());
        try (OscTestClient tcp = OscTestClient.tcp(Integer.getInteger("methcla.port"))) {
            tcp.send("/status");
            List<Object> status = tcp.await("/status.reply").getArguments();
            assertEquals(8, status.size());
            assertEquals((double) SR, status.get(6));
            assertEquals(64, status.get(7));
            tcp.sync();
        }
    }

    @Test
    public void badInputIsAnsweredWithError() throws Exception {
        osc.send("/no/such/command", 1);
        assertError("/no/such/command", -1, "unknown command");
        osc.send("/group/new", "one", 0, 1);
        assertError("/group/new", -1, "bad arguments");
        osc.send("/synth/new", "http://methc.la/plugins/nope", 5, 0, 1, new ArrayList<>(), new ArrayList<>());
        assertError("/synth/new", 5, "unknown SynthDef");
        osc.send("/node/free", 999);
        assertError("/node/free", 999, "not found");
        osc.send("/synth/new", SINE, 6, 0, 7, new ArrayList<>(), new ArrayList<>());
        assertError("/synth/new", 6, "bad add action");
        osc.sendRaw(new byte[] {1, 2, 3});
        assertError("", -1, "malformed");
    }

    private void assertError(String address, int id, String reasonPart) throws Exception {
        List<Object> e = osc.await("/error").getArguments();
        assertEquals(e.toString(), address, e.get(0));
        assertEquals(e.toString(), id, e.get(1));
        assertTrue(e.toString(), ((String) e.get(2)).contains(reasonPart));
    }

    @Test
    public void groupsAreProcessedInTreeOrder() throws Exception {
        // group 100 runs before group 101; a sine in 101 writes internal bus 7
        osc.send("/group/new", 100, 0, 1);
        osc.send("/group/new", 101, 100, 3);
        newSynth(Probe.URI, 200, 100, 1, List.of(), List.of(1));
        newSynth(SINE, 201, 101, 1, List.of(1000f, 0.5f), List.of());
        newSynth(Probe.URI, 202, 101, 1, List.of(), List.of(2));
        osc.send("/synth/map/input", 200, 0, 7, 0);
        osc.send("/synth/map/output", 201, 0, 7, 0);
        osc.send("/synth/map/input", 202, 0, 7, 0);
        osc.send(new OSCBundle(List.of(msg("/synth/activate", 200), msg("/synth/activate", 201),
                msg("/synth/activate", 202))));
        osc.sync();
        float[] before = Probe.MADE.get(1).await(9600);
        float[] after = Probe.MADE.get(2).await(9600);
        // the probe ahead of the writer reads a bus not yet written in the block: silence
        assertEquals(0f, Signals.peak(before, 0, before.length), 0f);
        assertEquals(0.5f, Signals.peak(after, 0, after.length), 1e-3f);
        assertEquals(1000.0, Signals.frequency(after, 0, after.length, SR), 0.5);
        osc.send("/node/free", 100);
        osc.send("/node/free", 101);
        Set<Object> ended = new HashSet<>();
        while (ended.size() < 5) {
            ended.add(osc.await("/node/ended").getArguments().get(0));
        }
        assertEquals(Set.of(100, 101, 200, 201, 202), ended);
    }

    @Test
    public void timeTaggedBundlesStartInTheirBlock() throws Exception {
        newSynth(Probe.URI, 300, 0, 1, List.of(), List.of(1));
        newSynth(Probe.URI, 301, 0, 1, List.of(), List.of(2));
        newSynth(Probe.URI, 302, 0, 1, List.of(), List.of(3));
        osc.sync();
        Instant base = Instant.now();
        long sent = System.nanoTime();
        osc.send(new OSCBundle(List.of(msg("/synth/activate", 300)),
                OSCTimeTag64.valueOf(HandMadeOsc.ntp(base.plusMillis(300)))));
        osc.send(new OSCBundle(List.of(msg("/synth/activate", 301)),
                OSCTimeTag64.valueOf(HandMadeOsc.ntp(base.plusMillis(400)))));
        // a late bundle runs at once
        osc.send(new OSCBundle(List.of(msg("/synth/activate", 302)),
                OSCTimeTag64.valueOf(HandMadeOsc.ntp(base.minusMillis(1000)))));
        Probe first = Probe.MADE.get(1);
        Probe second = Probe.MADE.get(2);
        Probe late = Probe.MADE.get(3);
        second.await(64);
        first.await(64);
        late.await(64);
        // 100 ms apart on the time tags: 4800 frames apart in the engine, to the frame
        assertEquals(4800, second.startFrame() - first.startFrame(), 1);
        long waitedMs = (first.startNanos() - sent) / 1_000_000;
        assertTrue("started after " + waitedMs + " ms", waitedMs >= 250 && waitedMs < 600);
        long lateMs = (late.startNanos() - sent) / 1_000_000;
        assertTrue("late bundle started after " + lateMs + " ms", lateMs < 200);
    }

    @Test
    public void aPluginLeavingFreesItsSynths() throws Exception {
        Bundle sine = bundle("sine-bundle");
        newSynth(SINE, 400, 0, 1, List.of(440f, 0.1f), List.of());
        osc.send("/synth/activate", 400);
        osc.sync();
        try {
            sine.stop();
            assertEquals(400, osc.await("/node/ended").getArguments().get(0));
            newSynth(SINE, 401, 0, 1, List.of(), List.of());
            assertError("/synth/new", 401, "unknown SynthDef");
        } finally {
            sine.start();
        }
        newSynth(SINE, 402, 0, 1, List.of(), List.of());
        osc.send("/status");
        assertEquals(1, osc.await("/status.reply").getArguments().get(0));
    }

    @Test
    public void aResourceDefServiceIsBoundAndItsDepartureDestroysItsResources() throws Exception {
        String uri = "http://methc.la/itests/resources/block";
        AtomicInteger destroyed = new AtomicInteger();
        ResourceDef def = new ResourceDef() {
            @Override
            public String uri() {
                return uri;
            }

            @Override
            public Mutability mutability() {
                return Mutability.MUTABLE;
            }

            @Override
            public Object construct(Host host, OscArgs args) {
                return new float[args.intAt(0)];
            }

            @Override
            public void destroy(Host host, Object body) {
                destroyed.incrementAndGet();
            }
        };
        ServiceRegistration<ResourceDef> registration = context.registerService(ResourceDef.class, def, null);
        boolean unregistered = false;
        try {
            osc.send("/resource/new", uri, 7, 64);
            assertEquals(List.of(7), osc.await("/resource/ready").getArguments());
            osc.send("/resource/query", 7);
            assertEquals(List.of(7, uri, "live", 0), osc.await("/resource/info").getArguments());
            osc.send("/status");
            assertEquals(1, osc.await("/status.reply").getArguments().get(2));
            // the bundle leaving: unregister returns once the engine destroyed its Resources
            registration.unregister();
            unregistered = true;
            assertEquals(1, destroyed.get());
            assertEquals(List.of(7), osc.await("/resource/destroyed").getArguments());
            osc.send("/resource/new", uri, 8, 64);
            assertError("/resource/new", 8, "unknown ResourceDef");
        } finally {
            if (!unregistered) {
                registration.unregister();
            }
        }
    }

    @Test
    public void theSamplerCommandsReadAnalyseNormalizeAndWriteBuffers() throws Exception {
        String buffer = "http://methc.la/resources/AudioBuffer/v1";
        Path root = Path.of(System.getProperty("methcla.sampleRoot"));
        Files.createDirectories(root.resolve("it"));
        // one second, 16-bit mono, clicks of 0.5 at frames 12000 and 36000
        ByteBuffer pcm = ByteBuffer.allocate(2 * SR).order(ByteOrder.LITTLE_ENDIAN);
        pcm.putShort(2 * 12000, (short) 16384).putShort(2 * 36000, (short) -16384);
        AudioFormat format = new AudioFormat(SR, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, SR),
                AudioFileFormat.Type.WAVE, root.resolve("it/clicks.wav").toFile());
        osc.send("/resource/new", buffer, 20, 1, SR);
        osc.send("/resource/new", buffer, 21, 1, SR);
        Set<Object> ready = new HashSet<>();
        ready.add(osc.await("/resource/ready").getArguments().get(0));
        ready.add(osc.await("/resource/ready").getArguments().get(0));
        assertEquals(Set.of(20, 21), ready);

        osc.send("/buffer/read", 20, "it/clicks.wav");
        assertEquals(List.of("/buffer/read", 20), osc.await("/done").getArguments());
        osc.send("/buffer/onsets", 20, 1f);
        List<Object> onsets = osc.await("/buffer/onsets.reply").getArguments();
        assertEquals(onsets.toString(), 3, onsets.size());
        assertEquals(20, onsets.get(0));
        assertTrue(onsets.toString(), Math.abs((Integer) onsets.get(1) - 12000) <= 256);
        assertTrue(onsets.toString(), Math.abs((Integer) onsets.get(2) - 36000) <= 256);
        osc.send("/buffer/normalize", 20, 21, 1f);
        assertEquals(List.of("/buffer/normalize", 20), osc.await("/done").getArguments());
        osc.send("/buffer/write", 21, "it/out/normalized.wav");
        assertEquals(List.of("/buffer/write", 21), osc.await("/done").getArguments());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(root.resolve("it/out/normalized.wav").toFile())) {
            assertEquals(AudioFormat.Encoding.PCM_FLOAT, in.getFormat().getEncoding());
            ByteBuffer f = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(4 * SR, f.capacity());
            assertEquals(1f, f.getFloat(4 * 12000), 0f);
            assertEquals(-1f, f.getFloat(4 * 36000), 0f);
            assertEquals(0f, f.getFloat(4 * 100), 0f);
        }

        osc.send("/buffer/read", 20, "../escape.wav");
        assertError("/buffer/read", 20, "outside the sample root");
        osc.send("/buffer/read", 20, "it/missing.wav");
        assertError("/buffer/read", 20, "it/missing.wav");
        osc.send("/buffer/onsets", 22, 1f);
        assertError("/buffer/onsets", 22, "resource is not live");
        osc.send("/resource/free", 20);
        osc.send("/resource/free", 21);
        Set<Object> destroyed = new HashSet<>();
        destroyed.add(osc.await("/resource/destroyed").getArguments().get(0));
        destroyed.add(osc.await("/resource/destroyed").getArguments().get(0));
        assertEquals(Set.of(20, 21), destroyed);
    }

    private void newSynth(String uri, int id, int target, int action, List<Object> controls, List<Object> options)
            throws Exception {
        osc.send("/synth/new", uri, id, target, action, new ArrayList<>(controls), new ArrayList<>(options));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
