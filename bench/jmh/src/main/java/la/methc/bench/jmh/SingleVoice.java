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
        synth = voice.def().construct(new TestHost(SAMPLE_RATE, BLOCK_SIZE), voice.optionArgs());
        world = new BlockRunner(synth, SAMPLE_RATE, BLOCK_SIZE, voice.controlValues(0));
        world.resource(SampleBuffer.ID, AudioBuffer.URI, SampleBuffer.create());
        // attach (the play synth binds its buffer) and activate, through one ordinary block
        world.run(1);
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
