package la.methc.bench.jmh;

import com.illposed.osc.OSCMessage;
import java.util.List;
import la.methc.api.OscArgList;
import la.methc.api.SynthDef;
import la.methc.plugins.sampler.internal.PlaySynthDef;
import la.methc.plugins.sine.internal.SineSynthDef;

/**
 * The two kinds of voice the block benchmarks run, each built as the engine builds it from {@code /synth/new}:
 * a sine ({@code http://methc.la/plugins/sine}, 440 Hz and up) and a looping play synth
 * ({@code http://methc.la/plugins/play}: 1 channel, linear interpolation, reading {@link SampleBuffer} at a rate
 * a little above 1, so every frame is interpolated), the voice {@code bench/harness.sh voices} counts against
 * scsynth's PlayBuf.
 */
public enum Voice {

    SINE(new SineSynthDef()) {
        @Override
        List<Object> controls(int i) {
            return List.of(440f + i, 0.001f);
        }

        @Override
        List<Object> options() {
            return List.of();
        }
    },

    PLAY(new PlaySynthDef()) {
        @Override
        List<Object> controls(int i) {
            // rate, loop: as bench/harness.sh voices starts them
            return List.of(1.0f + 0.001f * (1 + i % 50), 1f);
        }

        @Override
        List<Object> options() {
            // i:buffer i:channels i:interpolation (1 linear)
            return List.of(SampleBuffer.ID, 1, 1);
        }
    },

    /** As {@link #PLAY} with cubic interpolation, the voice the side-by-side run compares with scsynth's PlayBuf. */
    PLAY_CUBIC(new PlaySynthDef()) {
        @Override
        List<Object> controls(int i) {
            return PLAY.controls(i);
        }

        @Override
        List<Object> options() {
            // i:buffer i:channels i:interpolation (2 cubic)
            return List.of(SampleBuffer.ID, 1, 2);
        }
    };

    private final SynthDef def;

    Voice(SynthDef def) {
        this.def = def;
    }

    /** The SynthDef, constructed directly (in Felix it is a DS service). */
    public SynthDef def() {
        return def;
    }

    /** The {@code /synth/new} controls of voice number {@code i}. */
    abstract List<Object> controls(int i);

    /** The {@code /synth/new} options. */
    abstract List<Object> options();

    /** Voice {@code i}'s controls as floats, in port order. */
    public float[] controlValues(int i) {
        List<Object> c = controls(i);
        float[] values = new float[c.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = ((Number) c.get(k)).floatValue();
        }
        return values;
    }

    /** The options as {@link la.methc.api.SynthDef#construct} gets them. */
    public OscArgList optionArgs() {
        return new OscArgList(options());
    }

    /**
     * The messages that start voice number {@code i} as node {@code id} at the tail of group {@code group}, mixed
     * into hardware output {@code i % 2}.
     */
    public List<OSCMessage> start(int id, int i, int group) {
        return List.of(
                new OSCMessage("/synth/new", List.of(def.uri(), id, group, 1, controls(i), options())),
                new OSCMessage("/synth/map/output", List.of(id, 0, i % 2, 1)),
                new OSCMessage("/synth/activate", List.of(id)));
    }

    /** For {@code @Param}: {@code sine}, {@code play} or {@code play_cubic}. */
    public static Voice of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
