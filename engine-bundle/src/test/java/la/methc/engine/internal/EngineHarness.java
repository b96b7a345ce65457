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

/**
 * Runs an {@link Engine} block by block on the test thread (as the RT thread would), with OSC decoded by
 * the real dispatcher and time tags read as seconds from 0, like a score.
 */
final class EngineHarness implements AutoCloseable {

    final Engine engine;
    final OscDispatcher dispatcher;
    final RecordingClient client = new RecordingClient("test");
    final SynthDefRegistry defs;
    final float[][] in;
    final float[][] out;

    EngineHarness() {
        this(Map.of());
    }

    EngineHarness(Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(Map.of("driver", "offline", "render.score", "-", "render.out", "-",
                "maxNodes", "64", "internalBuses", "16", "workerThreads", "2"));
        o.putAll(overrides);
        EngineOptions options = EngineOptions.from(o::get);
        engine = new Engine(options);
        defs = TestSynths.registry();
        dispatcher = new OscDispatcher(engine, defs, () -> { });
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
