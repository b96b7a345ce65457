package la.methc.bench.jmh;

import la.methc.api.OscArgs;
import la.methc.api.SynthDef;
import la.methc.plugins.delay.internal.DelaySynthDef;
import la.methc.plugins.envelope.internal.EnvelopeSynthDef;
import la.methc.plugins.filter.internal.FilterSynthDef;
import la.methc.plugins.oscillator.internal.OscillatorSynthDef;
import la.methc.plugins.pan.internal.PanSynthDef;
import la.methc.plugins.reverb.internal.ReverbSynthDef;

/**
 * The palette synths {@link PaletteBlockBenchmark} measures, each with the {@code /synth/new} options and
 * controls it runs with: the oscillator in each shape (440 Hz), the filter in each mode (1 kHz, q 2), the delay on
 * a 1 s line ({@link #DELAY_LINE}, 0.25 s, feedback 0.5, mix 0.5), the reverb, the pan (pos 0.3) and the envelope
 * (held open: its sustain, the stage a voice spends most blocks in). Effects read {@link PaletteRunner}'s noise.
 */
public enum PaletteVoice {

    OSC_SINE(new OscillatorSynthDef(), OscArgs.of(0), 440f, 0.5f),
    OSC_SAW(new OscillatorSynthDef(), OscArgs.of(1), 440f, 0.5f),
    OSC_SQUARE(new OscillatorSynthDef(), OscArgs.of(2), 440f, 0.5f),
    OSC_TRIANGLE(new OscillatorSynthDef(), OscArgs.of(3), 440f, 0.5f),
    FILTER_LOWPASS(new FilterSynthDef(), OscArgs.of(0), 1000f, 2f),
    FILTER_HIGHPASS(new FilterSynthDef(), OscArgs.of(1), 1000f, 2f),
    FILTER_BANDPASS(new FilterSynthDef(), OscArgs.of(2), 1000f, 2f),
    DELAY(new DelaySynthDef(), OscArgs.of(PaletteVoice.DELAY_LINE), 0.25f, 0.5f, 0.5f),
    REVERB(new ReverbSynthDef(), OscArgs.empty(), 0.8f, 0.5f, 0.3f),
    PAN(new PanSynthDef(), OscArgs.empty(), 0.3f),
    ENVELOPE(new EnvelopeSynthDef(), OscArgs.empty(), 1f);

    /** The Resource id of the delay's line, an AudioBuffer of 1 channel and 48,000 frames. */
    public static final int DELAY_LINE = 2;

    private final SynthDef def;
    private final OscArgs options;
    private final float[] controls;

    PaletteVoice(SynthDef def, OscArgs options, float... controls) {
        this.def = def;
        this.options = options;
        this.controls = controls;
    }

    /** The SynthDef, constructed directly (in Felix it is a DS service). */
    public SynthDef def() {
        return def;
    }

    /** The {@code /synth/new} options. */
    public OscArgs options() {
        return options;
    }

    /** The control inputs, in port order. */
    public float[] controls() {
        return controls.clone();
    }

    /** For {@code @Param}: the constant's name in lower case, e.g. {@code filter_lowpass}. */
    public static PaletteVoice of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
