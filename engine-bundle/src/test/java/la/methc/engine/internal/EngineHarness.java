package la.methc.engine.internal;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import la.methc.api.Mutability;

/**
 * Runs an {@link Engine} block by block on the test thread (as the RT thread would), with OSC decoded by
 * the real dispatcher and time tags read as seconds from 0, like a score.
 */
final class EngineHarness implements AutoCloseable {

    final Engine engine;
    final OscDispatcher dispatcher;
    final RecordingClient client = new RecordingClient("test");
    final SynthDefRegistry defs;
    final ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
    /** Empty: tests add the CommandDefs they need. */
    final CommandDefRegistry commandDefs = new CommandDefRegistry();
    /** ResourceDefs: {@code test:res} (mutable), {@code test:res-immutable}, {@code test:res-other} (mutable). */
    final TestResources res = new TestResources(TestResources.URI, Mutability.MUTABLE);
    final TestResources immutable = new TestResources(TestResources.IMMUTABLE_URI, Mutability.IMMUTABLE);
    final TestResources other = new TestResources(TestResources.OTHER_URI, Mutability.MUTABLE);
    final float[][] in;
    final float[][] out;

    EngineHarness() {
        this(Map.of());
    }

    EngineHarness(Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(Map.of("driver", "offline", "render.score", "-", "render.out", "-",
                "maxNodes", "64", "internalBuses", "16", "workerThreads", "2", "maxResources", "16"));
        o.putAll(overrides);
        EngineOptions options = EngineOptions.from(o::get);
        engine = new Engine(options);
        defs = TestSynths.registry();
        resourceDefs.add(res);
        resourceDefs.add(immutable);
        resourceDefs.add(other);
        dispatcher = new OscDispatcher(engine, defs, resourceDefs, commandDefs, () -> { });
        in = new float[options.hardwareInputs()][options.blockSize()];
        out = new float[options.hardwareOutputs()][options.blockSize()];
        engine.start();
    }

    static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, Arrays.asList(args));
    }

    void send(String address, Object... args) {
        dispatcher.onPacket(msg(address, args), client);
    }

    /** A bundle timed {@code seconds} from engine time 0. */
    void sendAt(double seconds, OSCMessage... messages) {
        long whole = (long) Math.floor(seconds);
        long fraction = Math.round((seconds - whole) * 4294967296.0);
        List<OSCPacket> packets = new ArrayList<>(List.of(messages));
        dispatcher.onPacket(new OSCBundle(packets, OSCTimeTag64.valueOf((whole << 32) | fraction)), client);
    }

    /** {@code /synth/new} with controls and no options. */
    static OSCMessage newSynth(String uri, int id, int target, int action, Object... controls) {
        return msg("/synth/new", uri, id, target, action, new ArrayList<>(List.of(controls)), new ArrayList<>());
    }

    void synth(String uri, int id, int target, int action, Object... controls) {
        dispatcher.onPacket(newSynth(uri, id, target, action, controls), client);
    }

    /** Computes one block; returns a copy of the hardware outputs. */
    float[][] block() {
        engine.process(in, out);
        float[][] copy = new float[out.length][];
        for (int c = 0; c < out.length; c++) {
            copy[c] = out[c].clone();
        }
        return copy;
    }

    void blocks(int n) {
        for (int i = 0; i < n; i++) {
            block();
        }
    }

    /**
     * Runs blocks until a message with {@code address} arrives (fails after 5 s) and returns it; messages
     * received before it stay queued.
     */
    OSCMessage until(String address) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            block();
            OSCMessage m = client.take(address);
            if (m != null) {
                return m;
            }
            Thread.onSpinWait();
        }
        org.junit.jupiter.api.Assertions.fail("no " + address + " within 5 s; got "
                + RecordingClient.describe(client.takeAll()));
        return null;
    }

    private int syncs;

    /**
     * {@code /sync}, running blocks until {@code /synced}: returns every message received until then, in
     * order, without the {@code /synced}. Worker jobs started before it (constructs, destroys) have finished
     * and their notifications are in the list.
     */
    List<OSCMessage> sync() {
        int id = ++syncs;
        send("/sync", id);
        List<OSCMessage> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            block();
            for (OSCMessage m : client.takeAll()) {
                if (m.getAddress().equals("/synced") && m.getArguments().get(0).equals(id)) {
                    return got;
                }
                got.add(m);
            }
            Thread.onSpinWait();
        }
        org.junit.jupiter.api.Assertions.fail("no /synced within 5 s; got " + RecordingClient.describe(got));
        return got;
    }

    /** {@code /resource/query}: [uri, state, refcount]. */
    List<Object> query(int id) {
        send("/resource/query", id);
        List<Object> a = until("/resource/info").getArguments();
        org.junit.jupiter.api.Assertions.assertEquals(id, a.get(0));
        return a.subList(1, 4);
    }

    /** {@code /resource/new uri id args…}, then blocks until it is ready. */
    void newResource(String uri, int id, Object... args) {
        List<Object> a = new ArrayList<>(List.of(uri, id));
        a.addAll(List.of(args));
        dispatcher.onPacket(new OSCMessage("/resource/new", a), client);
        OSCMessage ready = until("/resource/ready");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(id), ready.getArguments());
    }

    /** {@code /synth/new} with options and no controls. */
    void synthWith(String uri, int id, int target, int action, Object... options) {
        dispatcher.onPacket(msg("/synth/new", uri, id, target, action, new ArrayList<>(),
                new ArrayList<>(List.of(options))), client);
    }

    /** Ids of the children of group {@code id}, head to tail. */
    List<Integer> children(int id) {
        List<Integer> ids = new ArrayList<>();
        for (var n = ((la.methc.engine.internal.tree.Group) engine.tree().get(id)).head(); n != null; n = n.next()) {
            ids.add(n.id());
        }
        return ids;
    }

    @Override
    public void close() {
        engine.close();
    }
}
