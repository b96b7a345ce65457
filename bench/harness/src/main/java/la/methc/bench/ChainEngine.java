package la.methc.bench;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import la.methc.audiobuffer.internal.AudioBufferDef;
import la.methc.engine.internal.Engine;
import la.methc.engine.internal.EngineOptions;
import la.methc.engine.internal.OscDispatcher;
import la.methc.engine.internal.ResourceDefRegistry;
import la.methc.engine.internal.SynthDefRegistry;
import la.methc.engine.internal.osc.Client;
import la.methc.plugins.delay.internal.DelaySynthDef;
import la.methc.plugins.filter.internal.FilterSynthDef;
import la.methc.plugins.noise.internal.NoiseSynthDef;
import la.methc.plugins.pan.internal.PanSynthDef;

/**
 * A real engine (48 kHz, 64-frame blocks, 2 hardware outputs) whose blocks the calling thread computes, as the
 * offline driver's RT thread does, with the chain's SynthDefs and the AudioBuffer ResourceDef bound as the
 * distribution binds them, and OSC decoded by the real dispatcher: what {@link Chains}' messages do, without Felix
 * or a network ({@code chain-cost}, ChainsTest). Its notifier and workers run, idle once the chains play.
 */
final class ChainEngine implements AutoCloseable, Client {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Engine engine;
    private final OscDispatcher dispatcher;
    private final ConcurrentLinkedQueue<OSCMessage> replies = new ConcurrentLinkedQueue<>();
    private final float[][] in = new float[2][64];
    private final float[][] out = new float[2][64];

    /** @param chains how many chains it must hold; @param buses its internal buses */
    ChainEngine(int chains, int buses) {
        this(chains, buses, 1);
    }

    /** The same with {@code threads} render threads (the calling thread and {@code threads - 1} helpers). */
    ChainEngine(int chains, int buses, int threads) {
        engine = new Engine(EngineOptions.from(Map.of("driver", "offline", "render.score", "-", "render.out", "-",
                "render.threads", Integer.toString(threads), "internalBuses", Integer.toString(buses),
                "maxNodes", Integer.toString(Math.max(1024, 5 * chains + 16)),
                "maxResources", Integer.toString(Math.max(1024, chains + 16)))::get));
        SynthDefRegistry synthDefs = new SynthDefRegistry();
        synthDefs.add(new NoiseSynthDef());
        synthDefs.add(new FilterSynthDef());
        synthDefs.add(new DelaySynthDef());
        synthDefs.add(new PanSynthDef());
        ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
        resourceDefs.add(new AudioBufferDef(null, null));
        dispatcher = new OscDispatcher(engine, synthDefs, resourceDefs, () -> { });
        engine.start();
    }

    /** Starts chains 0 to {@code n - 1} of {@code c} as the search does: their group and lines first, then them. */
    void start(Chains c, int n) {
        List<OSCMessage> prepare = new ArrayList<>();
        List<OSCMessage> start = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            prepare.addAll(c.prepare(k));
            start.addAll(c.start(k));
        }
        send(List.of(c.group()));
        send(prepare);
        awaitReplies("/resource/ready", prepare.size());
        send(start);
        block();
        checkNoError();
        if (synths() != c.synthsEach() * n) {
            throw new IllegalStateException(synths() + " synths play, expected " + c.synthsEach() * n);
        }
    }

    /** Sends {@code messages} one by one, as a client's datagrams. */
    void send(List<OSCMessage> messages) {
        for (OSCMessage m : messages) {
            dispatcher.onPacket(m, this);
        }
    }

    /** Computes blocks until {@code count} replies with {@code address} came (bounded); fails on an error. */
    void awaitReplies(String address, int count) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (count(address) < count) {
            checkNoError();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + count + " " + address + " within 10 s: " + replies);
            }
            block();
            Thread.onSpinWait();
        }
    }

    /** RT. Computes one block. */
    void process() {
        engine.process(in, out);
    }

    /** Computes one block; returns the hardware outputs it wrote (copies). */
    float[][] block() {
        process();
        return new float[][] {out[0].clone(), out[1].clone()};
    }

    /** {@code n} blocks of both hardware outputs, one after the other: {@code [channel][frame]}. */
    float[][] blocks(int n) {
        float[][] all = new float[2][n * 64];
        for (int b = 0; b < n; b++) {
            float[][] one = block();
            System.arraycopy(one[0], 0, all[0], b * 64, 64);
            System.arraycopy(one[1], 0, all[1], b * 64, 64);
        }
        return all;
    }

    int synths() {
        return engine.tree().numSynths();
    }

    void checkNoError() {
        List<OSCMessage> errors = new ArrayList<>();
        for (OSCMessage m : replies) {
            if (m.getAddress().endsWith("error")) {
                errors.add(m);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the engine refused: " + OscClient.describe(errors));
        }
    }

    private int count(String address) {
        int n = 0;
        for (OSCMessage m : replies) {
            n += m.getAddress().equals(address) ? 1 : 0;
        }
        return n;
    }

    @Override
    public void send(OSCPacket packet) {
        if (packet instanceof OSCMessage m) {
            replies.add(m);
        } else {
            for (OSCPacket p : ((com.illposed.osc.OSCBundle) packet).getPackets()) {
                send(p);
            }
        }
    }

    @Override
    public String describe() {
        return "chain-engine";
    }

    @Override
    public void close() {
        engine.close();
    }
}
