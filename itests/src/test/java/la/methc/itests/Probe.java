package la.methc.itests;

import java.util.Arrays;
import java.util.List;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;

/**
 * A SynthDef the tests register in the framework: each Probe records what arrives at its audio input and
 * the engine frame at which it started, so a test can look at the audio the engine computed in real time.
 */
final class Probe implements Synth {

    static final String URI = "test:probe";
    private static final int CAPACITY = 48000;

    /** The probes made so far, by their option 0 (a key the test chooses). */
    static final java.util.Map<Integer, Probe> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    private final float[] recorded = new float[CAPACITY];
    private float[] in;
    private volatile int frames;
    private volatile long startFrame = -1;
    private volatile long startNanos;

    static SynthDef def() {
        return new SynthDef() {
            @Override
            public String uri() {
                return URI;
            }

            @Override
            public Synth construct(Host host, OscArgs options) {
                Probe p = new Probe();
                MADE.put(options.intAt(0), p);
                return p;
            }
        };
    }

    @Override
    public List<PortDescriptor> ports() {
        return List.of(PortDescriptor.audioInput("in"));
    }

    @Override
    public void connect(int index, float[] data) {
        in = data;
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int count) {
        if (startFrame < 0) {
            startNanos = System.nanoTime();
            startFrame = Math.round(world.currentTime() * world.sampleRate()) + offset;
        }
        int n = Math.min(count, CAPACITY - frames);
        System.arraycopy(in, offset, recorded, frames, n);
        frames += n;
    }

    long startFrame() {
        return startFrame;
    }

    long startNanos() {
        return startNanos;
    }

    /** Waits until {@code n} frames are recorded and returns them. */
    float[] await(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (frames < n) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("probe recorded only " + frames + " of " + n + " frames");
            }
            Thread.sleep(10);
        }
        return Arrays.copyOf(recorded, n);
    }
}
