package la.methc.bench.jmh;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.engine.internal.Engine;
import la.methc.engine.internal.EngineOptions;
import la.methc.engine.internal.OscDispatcher;
import la.methc.engine.internal.ResourceDefRegistry;
import la.methc.engine.internal.SynthDefRegistry;

/**
 * A real {@link Engine} whose blocks the calling thread computes, as the offline driver's RT thread does (48 kHz,
 * 64-frame blocks, the default 1,024 nodes, 2 hardware outputs), with the sine and play SynthDefs and the
 * AudioBuffer ResourceDef bound and OSC decoded by the real {@link OscDispatcher}. Its notifier and workers run,
 * idle once set up.
 */
public final class BenchEngine implements AutoCloseable {

    /** The group the voices are in; voice {@code i} is node {@code FIRST_VOICE + i}. */
    public static final int GROUP = 1;
    public static final int FIRST_VOICE = 2;
    private static final long SETUP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Engine engine;
    private final OscDispatcher dispatcher;
    private final SetupClient client = new SetupClient();
    private final float[][] in;
    private final float[][] out;

    /** One render thread: the calling thread computes every synth. */
    public BenchEngine() {
        this(1);
    }

    /** {@code threads} render threads, the calling one included, for runs of isolated synths (ADR 0006). */
    public BenchEngine(int threads) {
        this(threads, 1024);
    }

    /** As {@link #BenchEngine(int)}, with room for {@code maxNodes} nodes. */
    public BenchEngine(int threads, int maxNodes) {
        this(threads, maxNodes, EngineOptions.DEFAULT_RENDER_MIN_RUN);
    }

    /** As {@link #BenchEngine(int, int)}, spreading runs of at least {@code minRun} synths (render.minRun). */
    public BenchEngine(int threads, int maxNodes, int minRun) {
        EngineOptions options = EngineOptions.from(Map.of("driver", "offline", "render.score", "-",
                "render.out", "-", "render.threads", Integer.toString(threads),
                "render.minRun", Integer.toString(minRun), "maxNodes", Integer.toString(maxNodes))::get);
        engine = new Engine(options);
        SynthDefRegistry synthDefs = new SynthDefRegistry();
        for (Voice v : Voice.values()) {
            synthDefs.add(v.def());
        }
        ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
        resourceDefs.add(SampleBuffer.def());
        dispatcher = new OscDispatcher(engine, synthDefs, resourceDefs, () -> { });
        in = new float[options.hardwareInputs()][options.blockSize()];
        out = new float[options.hardwareOutputs()][options.blockSize()];
        engine.start();
    }

    /** A group at the tail of the root, then {@code n} voices at its tail (the play voices' buffer first). */
    public static BenchEngine withVoices(Voice voice, int n) {
        return withVoices(voice, n, 1);
    }

    /** As {@link #withVoices(Voice, int)}, computed on {@code threads} render threads. */
    public static BenchEngine withVoices(Voice voice, int n, int threads) {
        return withVoices(voice, n, threads, EngineOptions.DEFAULT_RENDER_MIN_RUN);
    }

    /** As {@link #withVoices(Voice, int, int)}, spreading runs of at least {@code minRun} synths. */
    public static BenchEngine withVoices(Voice voice, int n, int threads, int minRun) {
        BenchEngine e = new BenchEngine(threads, Math.max(1024, n + 16), minRun);
        e.send(new OSCMessage("/group/new", List.of(GROUP, 0, 1)));
        if (voice != Voice.SINE) {
            e.newSampleBuffer();
        }
        for (int i = 0; i < n; i++) {
            for (OSCMessage m : voice.start(FIRST_VOICE + i, i, GROUP)) {
                e.send(m);
            }
        }
        e.block();
        e.checkNoError();
        if (e.engine.tree().numSynths() != n) {
            throw new IllegalStateException(e.engine.tree().numSynths() + " synths running, expected " + n);
        }
        return e;
    }

    /** Network thread's part: {@code packet}, decoded, into commands for RT. */
    public void send(OSCPacket packet) {
        dispatcher.onPacket(packet, client);
    }

    /** The dispatcher, as a transport hands it packets. */
    public OscDispatcher dispatcher() {
        return dispatcher;
    }

    /** The client every packet here comes from. */
    SetupClient client() {
        return client;
    }

    public Engine engine() {
        return engine;
    }

    /** RT. One block. */
    public void block() {
        engine.process(in, out);
    }

    /** Hardware output {@code channel} of the last block (the array itself). */
    public float[] output(int channel) {
        return out[channel];
    }

    /** {@link SampleBuffer} as Resource {@link SampleBuffer#ID}: constructed on a worker, then filled. */
    private void newSampleBuffer() {
        List<Object> args = new ArrayList<>(List.of(AudioBuffer.URI, SampleBuffer.ID));
        args.addAll(SampleBuffer.args());
        send(new OSCMessage("/resource/new", args));
        long deadline = System.nanoTime() + SETUP_TIMEOUT_NANOS;
        while (client.take("/resource/ready") == null) {
            checkNoError();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no /resource/ready within 10 s");
            }
            block();
            Thread.onSpinWait();
        }
        // this thread is RT here: the body is filled between two blocks
        AudioBuffer body = (AudioBuffer) engine.world().acquire(SampleBuffer.ID, AudioBuffer.URI);
        SampleBuffer.fill(body);
        engine.world().release(SampleBuffer.ID);
    }

    private void checkNoError() {
        List<String> errors = client.errors();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the engine refused the setup: " + errors);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
