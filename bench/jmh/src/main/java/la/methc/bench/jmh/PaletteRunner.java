package la.methc.bench.jmh;

import java.util.List;
import java.util.Random;
import la.methc.api.OscArgList;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.api.Synth;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.audiobuffer.internal.AudioBufferDef;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.TestHost;

/**
 * One {@link PaletteVoice} in the plugin test kit's {@link BlockRunner}, attached (the delay binds its line) and
 * activated through one ordinary block whose audio inputs hold white noise (±0.5); the input arrays keep that
 * block, so every measured {@code process} works on a full-scale signal rather than on silence (on which some
 * effects would do less).
 */
public final class PaletteRunner {

    /** Frames of input noise: the set-up block's, and those {@link #render} feeds (1 s). */
    public static final int NOISE_FRAMES = SingleVoice.SAMPLE_RATE;

    private final Synth synth;
    private final BlockRunner world;

    public PaletteRunner(PaletteVoice voice) {
        TestHost host = new TestHost(SingleVoice.SAMPLE_RATE, SingleVoice.BLOCK_SIZE);
        synth = voice.def().construct(host, voice.options());
        world = new BlockRunner(synth, SingleVoice.SAMPLE_RATE, SingleVoice.BLOCK_SIZE, voice.controls());
        Random random = new Random(17);
        float[] noise = new float[NOISE_FRAMES];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextDouble() - 0.5);
        }
        for (int i = 0; i < inputCount(synth); i++) {
            world.audioInput(i, noise);
        }
        world.resource(PaletteVoice.DELAY_LINE, AudioBuffer.URI, line());
        world.run(1);
    }

    private static int inputCount(Synth s) {
        return (int) s.ports().stream()
                .filter(p -> p.type() == PortType.AUDIO && p.direction() == PortDirection.INPUT)
                .count();
    }

    /** The delay's line as the client allocates it: {@code /resource/new} 1 channel, 48,000 frames. */
    private static AudioBuffer line() {
        return (AudioBuffer) new AudioBufferDef(null, null).construct(
                new TestHost(SingleVoice.SAMPLE_RATE, SingleVoice.BLOCK_SIZE),
                new OscArgList(List.of(1, SingleVoice.SAMPLE_RATE, (float) SingleVoice.SAMPLE_RATE)));
    }

    /** RT. One block on the held input, written into the voice's output arrays. */
    public void process() {
        synth.process(world, 0, SingleVoice.BLOCK_SIZE);
    }

    /**
     * The next {@code blocks} blocks of every audio output, through the runner, the inputs fed from the noise
     * (allocates: for checks, not for measuring).
     */
    public float[][] render(int blocks) {
        return world.run(blocks);
    }

    /** Resource holds the voice took (the delay holds its line). */
    public int lineHolds() {
        return world.refcount(PaletteVoice.DELAY_LINE);
    }
}
