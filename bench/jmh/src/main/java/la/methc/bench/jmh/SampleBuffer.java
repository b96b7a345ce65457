package la.methc.bench.jmh;

import java.util.List;
import la.methc.api.OscArgList;
import la.methc.api.ResourceDef;
import la.methc.audiobuffer.AudioBuffer;
import la.methc.audiobuffer.internal.AudioBufferDef;
import la.methc.plugins.testkit.TestHost;

/**
 * The AudioBuffer the play voices read, as {@code bench/harness.sh voices} makes it: Resource id
 * {@value #ID}, 1 channel, {@value #FRAMES} frames (1 s at 48 kHz), holding a 440 Hz sine.
 */
public final class SampleBuffer {

    public static final int ID = 1;
    public static final int FRAMES = 48000;
    public static final int SAMPLE_RATE = 48000;

    private SampleBuffer() {
    }

    /** The real ResourceDef (a DS service in Felix), with its default memory cap: no bundle, no configuration. */
    public static ResourceDef def() {
        return new AudioBufferDef(null, null);
    }

    /** The {@code /resource/new} arguments after the id: {@code i:channels i:frames f:sampleRate}. */
    public static List<Object> args() {
        return List.of(1, FRAMES, (float) SAMPLE_RATE);
    }

    /** A body built by the real ResourceDef (as a worker would) and filled. */
    public static AudioBuffer create() {
        AudioBuffer b = (AudioBuffer) def().construct(new TestHost(SAMPLE_RATE, 64), new OscArgList(args()));
        fill(b);
        return b;
    }

    /** Writes the sine into every channel of {@code b}, in place. */
    public static void fill(AudioBuffer b) {
        for (float[] channel : b.data()) {
            for (int f = 0; f < channel.length; f++) {
                channel[f] = (float) (0.5 * Math.sin(2 * Math.PI * 440.0 * f / SAMPLE_RATE));
            }
        }
    }
}
