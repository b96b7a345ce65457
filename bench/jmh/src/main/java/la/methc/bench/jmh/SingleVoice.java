package la.methc.bench.jmh;

import la.methc.api.Synth;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.TestHost;

/**
 * One {@link Voice}, constructed by its SynthDef and attached and activated in the plugin test kit's
 * {@link BlockRunner} (a stub World that owns the port arrays), so that its {@code process} can be called block
 * after block without the engine around it.
 */
public final class SingleVoice {

    public static final int SAMPLE_RATE = 48000;
    public static final int BLOCK_SIZE = 64;

    private final Synth synth;
    private final BlockRunner world;

    public SingleVoice(Voice voice) {
        this(voice, 0);
    }

    /** Voice number {@code index} of a run of {@code voice}s (its controls: {@link Voice#controlValues}). */
    public SingleVoice(Voice voice, int index) {
        synth = voice.def().construct(new TestHost(SAMPLE_RATE, BLOCK_SIZE), voice.optionArgs());
        world = new BlockRunner(synth, SAMPLE_RATE, BLOCK_SIZE, voice.controlValues(index));
        world.resource(SampleBuffer.ID, AudioBuffer.URI, SampleBuffer.create());
        // attach (the play synth binds its buffer) and activate, through one ordinary block
        world.run(1);
        awaitKernels();
    }

    /**
     * Waits (up to 30 s) for the sampler's {@code methcla-vector-warm-up} thread to end, so that a play voice is
     * measured with the kernel a server would run (ADR 0016: the vector one where the VM has the module).
     */
    static void awaitKernels() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("methcla-vector-warm-up"))) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** RT. One block, written into the voice's output array. */
    public void process() {
        synth.process(world, 0, BLOCK_SIZE);
    }

    /** Blocks of audio output 0, through the runner (allocates: for checks, not for measuring). */
    public float[] render(int blocks) {
        return world.run(blocks)[0];
    }
}
