package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Robustness in Felix: the fault-injection bundle's plugins break their contract in every way while a healthy
 * sine plays, and the engine answers each fault exactly, keeps the sine sounding and leaks no node and no
 * Resource slot; then the bundle is stopped while its synths run and hold its Resources, and started again.
 * Each test ends where it began: {@code /status} shows no synth, the root group only and no Resource.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultInjectionIT {

    private static final String FAULTS = "http://methc.la/test/faults/";
    private static final String RESOURCE = FAULTS + "resource";
    private static final String HOLD = FAULTS + "hold";
    private static final String SINE = "http://methc.la/plugins/sine";
    private static final int SR = 48000;
    /** The healthy sine (head of the root group, 440 Hz at 0.5 on internal bus {@link #BUS}) and its probe. */
    private static final int SINE_ID = 1000;
    private static final int PROBE_ID = 1001;
    private static final int BUS = 10;
    /** No synth, the root group, no live Resource. */
    private static final List<Object> EMPTY = List.of(0, 1, 0);
    private static final String ISE = "java.lang.IllegalStateException: injected fault: ";
    private static final String ASSERTION = "java.lang.AssertionError: injected fault: ";

    @Inject
    private BundleContext context;

    private ServiceRegistration<SynthDef> probe;
    private OscTestClient osc;
    private int probes;

    @Configuration
    public Option[] config() {
        return Provisioning.felix(Map.of("driver", "dummy", "port", Integer.toString(Provisioning.freePort())));
    }

    @Before
    public void connect() throws Exception {
        probe = context.registerService(SynthDef.class, Probe.def(), null);
        osc = OscTestClient.udp(Integer.getInteger("methcla.port"));
        osc.awaitEngine(15_000);
        awaitPlugins();
        osc.send("/notify", 1);
        osc.await("/done");
        assertEquals("nothing left by an earlier test", EMPTY, status());
        newSynth(SINE, SINE_ID, 0, 0, List.of(440f, 0.5f), List.of());
        osc.send("/synth/map/output", SINE_ID, 0, BUS, 0);
        osc.send("/synth/activate", SINE_ID);
        assertSineSounds();
    }

    @After
    public void disconnect() throws Exception {
        Bundle faults = faultBundle();
        if (faults.getState() != Bundle.ACTIVE) {
            faults.start(); // a failed test must not leave the next one without its plugins
        }
        osc.send("/group/freeAll", 0);
        osc.sync();
        osc.close();
        probe.unregister();
        Probe.MADE.clear();
    }

    // ---------------------------------------------------------------- before the synth reaches RT

    @Test
    public void aSynthThatCannotBeBuiltIsRefusedWithItsIdAndDefAndLeavesNoNode() throws Exception {
        String construct = FAULTS + "construct-throws";
        String ports = FAULTS + "broken-ports";
        newSynth(construct, 10, 0, 1, List.of(), List.of());
        assertReply("/error", "/synth/new", 10, construct + " failed to construct: " + ISE + "construct");
        newSynth(construct, 11, 0, 1, List.of(), List.of(1));
        assertReply("/error", "/synth/new", 11, construct + " failed to construct: " + ASSERTION + "construct");
        newSynth(FAULTS + "construct-null", 12, 0, 1, List.of(), List.of());
        assertReply("/error", "/synth/new", 12, FAULTS + "construct-null constructed no synth");
        newSynth(ports, 13, 0, 1, List.of(), List.of("ports-throw", 1));
        assertReply("/error", "/synth/new", 13, ports + " failed to describe its ports: " + ASSERTION + "ports");
        newSynth(ports, 14, 0, 1, List.of(), List.of("ports-null"));
        assertReply("/error", "/synth/new", 14, ports + " described no ports (ports() returned null)");
        newSynth(ports, 15, 0, 1, List.of(), List.of("port-null"));
        assertReply("/error", "/synth/new", 15, ports + " described a null port at index 1");
        newSynth(ports, 16, 0, 1, List.of(), List.of("connect-throws"));
        assertReply("/error", "/synth/new", 16, ports + " failed to connect port 1: " + ISE + "connect");
        // attach runs on RT as the synth enters the tree; refused, it never had a node: no /node/ended
        newSynth(FAULTS + "attach-throws", 17, 0, 1, List.of(), List.of());
        assertEquals(List.of(line("/error", "/synth/new", 17, "injected fault: attach")),
                lines(osc.syncReplies()));
        assertEquals("only the sine is left", List.of(1, 1, 0), status());
        assertSineSounds();
        endClean();
    }

    // ---------------------------------------------------------------- on RT

    @Test
    public void aSynthThatThrowsOnRtIsRemovedAndTheOthersPlayOn() throws Exception {
        String process = FAULTS + "process-throws";
        // 20 healthy blocks first, then process throws a RuntimeException; the next one throws an Error at once
        startSynth(process, 20, List.of(20));
        assertEquals(List.of(line("/error", "/synth/process", 20, process + " threw " + ISE + "process"),
                line("/node/ended", 20)), lines(until("/node/ended", 20)));
        startSynth(process, 21, List.of(0, 1));
        assertEquals(List.of(line("/error", "/synth/process", 21, process + " threw " + ASSERTION + "process"),
                line("/node/ended", 21)), lines(until("/node/ended", 21)));
        String activate = FAULTS + "activate-throws";
        startSynth(activate, 22, List.of());
        assertEquals(List.of(line("/error", "/synth/process", 22, activate + " threw " + ISE + "activate"),
                line("/node/ended", 22)), lines(until("/node/ended", 22)));
        assertSineSounds();
        // four worker jobs throwing Errors, for two workers: Resources are still constructed and destroyed
        startSynth(FAULTS + "worker-job-throws", 23, List.of(4));
        osc.sync();
        osc.send("/resource/new", RESOURCE, 1);
        assertReply("/resource/ready", 1);
        osc.send("/node/free", 23);
        osc.send("/resource/free", 1);
        assertEquals(List.of(line("/node/ended", 23), line("/resource/destroyed", 1)),
                lines(osc.syncReplies()));
        assertSineSounds();
        endClean();
    }

    @Test
    public void aSynthWhoseDestroyThrowsStillEndsAndIsReported() throws Exception {
        String destroy = FAULTS + "destroy-throws";
        startSynth(destroy, 30, List.of());
        startSynth(destroy, 31, List.of(1));
        osc.send("/node/free", 30);
        osc.send("/node/free", 31);
        assertEquals(List.of(line("/error", "/synth/destroy", 30, destroy + " destroy threw " + ISE + "destroy"),
                line("/node/ended", 30),
                line("/error", "/synth/destroy", 31, destroy + " destroy threw " + ASSERTION + "destroy"),
                line("/node/ended", 31)), lines(osc.syncReplies()));
        assertSineSounds();
        endClean();
    }

    // ---------------------------------------------------------------- Resources

    @Test
    public void resourceFailuresAreAnsweredAndEverySlotComesBackFree() throws Exception {
        osc.send("/resource/new", RESOURCE, 2, "construct-throws");
        assertReply("/resource/error", 2, RESOURCE + " failed to construct: " + ISE + "resource construct");
        osc.send("/resource/new", RESOURCE, 3, "construct-null");
        assertReply("/resource/error", 3, RESOURCE + " constructed no resource");
        osc.send("/resource/new", RESOURCE, 4, "construct-refuses");
        assertReply("/resource/error", 4, RESOURCE + ": injected fault: resource arguments");
        for (int id : new int[] {2, 3, 4}) {
            assertFree(id);
            osc.send("/resource/new", RESOURCE, id);
            assertReply("/resource/ready", id);
            osc.send("/resource/free", id);
            assertReply("/resource/destroyed", id);
        }
        // destroy throws while the slot is freed by its last holder: logged, the slot is free and reusable
        osc.send("/resource/new", RESOURCE, 5, "destroy-throws");
        assertReply("/resource/ready", 5);
        startSynth(HOLD, 40, List.of(5));
        osc.send("/resource/free", 5);
        osc.send("/resource/query", 5);
        assertEquals(List.of(line("/resource/info", 5, RESOURCE, "live", 1)), lines(osc.syncReplies()));
        osc.send("/node/free", 40);
        assertEquals(List.of(line("/node/ended", 40), line("/resource/destroyed", 5)),
                lines(osc.syncReplies()));
        assertFree(5);
        osc.send("/resource/new", RESOURCE, 5);
        assertReply("/resource/ready", 5);
        osc.send("/resource/free", 5);
        assertReply("/resource/destroyed", 5);
        assertSineSounds();
        endClean();
    }

    // ---------------------------------------------------------------- the plugin bundle leaves while in use

    @Test
    public void stoppingTheBundleEndsItsSynthsThenDestroysItsResourcesAndStartingItAgainBringsItBack()
            throws Exception {
        osc.send("/resource/new", RESOURCE, 6);
        assertReply("/resource/ready", 6);
        osc.send("/resource/new", RESOURCE, 7, "destroy-throws");
        assertReply("/resource/ready", 7);
        startSynth(HOLD, 50, List.of(6, 7));
        startSynth(HOLD, 51, List.of(6));
        startSynth(FAULTS + "destroy-throws", 52, List.of(1));
        startSynth(FAULTS + "process-throws", 53, List.of(Integer.MAX_VALUE)); // healthy for a month
        osc.sync();

        Bundle faults = faultBundle();
        faults.stop();
        List<String> got = lines(osc.syncReplies());
        String destroyError = line("/error", "/synth/destroy", 52,
                FAULTS + "destroy-throws destroy threw " + ASSERTION + "destroy");
        List<String> expected = new ArrayList<>(List.of(line("/node/ended", 50), line("/node/ended", 51),
                line("/node/ended", 52), line("/node/ended", 53), line("/resource/destroyed", 6),
                line("/resource/destroyed", 7)));
        expected.add(destroyError);
        assertEquals(sorted(expected), sorted(got));
        // the shutdown order of ADR 0001: nodes first (their detach releases the Resources), then the Resources are destroyed
        for (String holder : List.of(line("/node/ended", 50), line("/node/ended", 51))) {
            for (String resource : List.of(line("/resource/destroyed", 6), line("/resource/destroyed", 7))) {
                assertTrue(got.toString(), got.indexOf(holder) < got.indexOf(resource));
            }
        }
        assertTrue(got.toString(), got.indexOf(destroyError) < got.indexOf(line("/node/ended", 52)));
        assertFree(6);
        assertFree(7);
        newSynth(HOLD, 54, 0, 1, List.of(), List.of());
        assertReply("/error", "/synth/new", 54, "unknown SynthDef " + HOLD);
        osc.send("/resource/new", RESOURCE, 6);
        assertReply("/error", "/resource/new", 6, "unknown ResourceDef " + RESOURCE);
        assertEquals("only the sine is left", List.of(1, 1, 0), status());
        assertSineSounds();

        faults.start();
        awaitPlugins();
        osc.send("/resource/new", RESOURCE, 6);
        assertReply("/resource/ready", 6);
        startSynth(HOLD, 55, List.of(6));
        osc.send("/resource/query", 6);
        assertReply("/resource/info", 6, RESOURCE, "live", 1);
        osc.send("/node/free", 55);
        osc.send("/resource/free", 6);
        assertEquals(List.of(line("/node/ended", 55), line("/resource/destroyed", 6)),
                lines(osc.syncReplies()));
        assertSineSounds();
        endClean();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The sine and the fault plugins are bound: each probe is refused by the plugin (or the engine's checks
     * behind it) once bound, as unknown before.
     */
    private void awaitPlugins() throws Exception {
        osc.awaitBound(15_000, o -> {
            o.send(msg("/synth/new", SINE, 1, 999, 1, new ArrayList<>(), new ArrayList<>()));
            o.send(msg("/synth/new", HOLD, 1, 999, 1, new ArrayList<>(), new ArrayList<>()));
            o.send(msg("/synth/new", FAULTS + "construct-null", 1, 0, 1, new ArrayList<>(), new ArrayList<>()));
            o.send("/resource/new", RESOURCE, 0, "construct-null");
        }, got -> got.stream().filter(m -> m.getAddress().equals("/error")
                && ((String) m.getArguments().get(2)).contains("target node 999 not found")).count() == 2
                && OscTestClient.hasError(got, "/synth/new", "constructed no synth")
                && OscTestClient.has(got, "/resource/error"), "the sine or the fault plugins");
    }

    private Bundle faultBundle() {
        for (Bundle b : context.getBundles()) {
            if ("fault-injection-bundle".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("fault-injection-bundle is not installed");
    }

    private void newSynth(String uri, int id, int target, int action, List<Object> controls, List<Object> options)
            throws Exception {
        osc.send(msg("/synth/new", uri, id, target, action, new ArrayList<>(controls), new ArrayList<>(options)));
    }

    /** A synth at the tail of the root group, started; its audio output is not mapped. */
    private void startSynth(String uri, int id, List<Object> options) throws Exception {
        newSynth(uri, id, 0, 1, List.of(), options);
        osc.send("/synth/activate", id);
    }

    /** The next message with this address has exactly these arguments. */
    private void assertReply(String address, Object... args) throws Exception {
        assertEquals(List.of(args), osc.await(address).getArguments());
    }

    /** Every message up to the one with {@code address} for {@code id}, in order; fails after 5 s. */
    private List<OSCMessage> until(String address, int id) throws Exception {
        List<OSCMessage> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no " + address + " " + id + " within 5 s; got " + OscTestClient.describe(got));
            }
            OSCMessage m = osc.next(left);
            got.add(m);
            if (m.getAddress().equals(address) && m.getArguments().get(0).equals(id)) {
                return got;
            }
        }
    }

    /** The sine plays on: a new probe behind it records 0.1 s of 440 Hz at 0.5, so RT is computing blocks. */
    private void assertSineSounds() throws Exception {
        int key = probes++;
        newSynth(Probe.URI, PROBE_ID, 0, 1, List.of(), List.of(key));
        osc.send("/synth/map/input", PROBE_ID, 0, BUS, 0);
        osc.send("/synth/activate", PROBE_ID);
        osc.sync();
        float[] heard = Probe.MADE.get(key).await(4800);
        assertEquals(0.5f, Signals.peak(heard, 0, heard.length), 1e-3f);
        assertEquals(440.0, Signals.frequency(heard, 0, heard.length, SR), 0.5);
        osc.send("/node/free", PROBE_ID);
        assertEquals(List.of(line("/node/ended", PROBE_ID)), lines(osc.syncReplies()));
    }

    /** Frees the sine: no synth, the root group, no live Resource; /sync answers. */
    private void endClean() throws Exception {
        osc.send("/node/free", SINE_ID);
        assertEquals(List.of(line("/node/ended", SINE_ID)), lines(osc.syncReplies()));
        assertEquals(EMPTY, status());
    }

    /** The first three figures of /status.reply: synths, groups, live Resources. */
    private List<Object> status() throws Exception {
        osc.send("/status");
        return osc.await("/status.reply").getArguments().subList(0, 3);
    }

    private void assertFree(int id) throws Exception {
        osc.send("/resource/query", id);
        assertReply("/resource/info", id, "", "free", 0);
    }

    /** A message as text, {@code address [args]}, for assertions that show what came. */
    private static String line(String address, Object... args) {
        return address + " " + List.of(args);
    }

    private static List<String> lines(List<OSCMessage> messages) {
        List<String> s = new ArrayList<>();
        for (OSCMessage m : messages) {
            s.add(line(m.getAddress(), m.getArguments().toArray()));
        }
        return s;
    }

    private static List<String> sorted(List<String> s) {
        List<String> copy = new ArrayList<>(s);
        copy.sort(null);
        return copy;
    }
}
