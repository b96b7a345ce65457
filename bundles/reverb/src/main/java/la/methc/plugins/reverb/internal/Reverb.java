package la.methc.plugins.reverb.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * Jezar's Freeverb, per channel: 8 parallel lowpass-feedback {@link Comb}s, then 4 series {@link Allpass}es,
 * fed with the mono sum of both inputs times {@link #FIXED_GAIN}. Delay lengths are Freeverb's tuning at
 * 44.1 kHz (the right channel's {@link #STEREO_SPREAD} frames longer) scaled by sampleRate/44100, which is
 * what decorrelates the two tails. Stereo width 1: each output takes its own channel's wet signal only.
 *
 * <p>Controls, clamped to [0, 1] (a NaN keeps the last value): {@code room} gives comb feedback
 * room·0.28 + 0.7; {@code damp} gives the combs' lowpass coefficient damp·0.4; {@code mix} gives
 * out = (1 − mix)·in + 3·mix·wet (Freeverb's scalewet 3, so the default 0.33 is Freeverb's default level, and
 * mix 0 is the input exactly). A change of any of them ramps linearly over {@link #RAMP_SECONDS}, so it does
 * not click.
 */
final class Reverb implements Synth {

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.audioInput("inLeft"),
            PortDescriptor.audioInput("inRight"),
            PortDescriptor.controlInput("room", 0.5f),
            PortDescriptor.controlInput("damp", 0.5f),
            PortDescriptor.controlInput("mix", 0.33f),
            PortDescriptor.audioOutput("outLeft"),
            PortDescriptor.audioOutput("outRight"));

    /** Freeverb's tuning (tuning.h), in frames at 44.1 kHz. */
    static final int[] COMB_TUNING = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    static final int[] ALLPASS_TUNING = {556, 441, 341, 225};
    static final int STEREO_SPREAD = 23;
    static final double TUNING_RATE = 44100;
    static final float FIXED_GAIN = 0.015f;
    static final float SCALE_WET = 3f;
    static final float SCALE_ROOM = 0.28f;
    static final float OFFSET_ROOM = 0.7f;
    static final float SCALE_DAMP = 0.4f;
    static final float WIDTH = 1f;
    static final double RAMP_SECONDS = 0.005;

    private final Comb[] combsLeft = new Comb[COMB_TUNING.length];
    private final Comb[] combsRight = new Comb[COMB_TUNING.length];
    private final Allpass[] allpassesLeft = new Allpass[ALLPASS_TUNING.length];
    private final Allpass[] allpassesRight = new Allpass[ALLPASS_TUNING.length];
    private final Ramp room;
    private final Ramp damp;
    private final Ramp mix;

    private float[] inLeft;
    private float[] inRight;
    private float[] roomIn;
    private float[] dampIn;
    private float[] mixIn;
    private float[] outLeft;
    private float[] outRight;

    private boolean started;
    private float lastRoom = 0.5f;
    private float lastDamp = 0.5f;
    private float lastMix = 0.33f;

    /** NRT. Allocates every delay line for {@code sampleRate}: process allocates nothing. */
    Reverb(double sampleRate) {
        double scale = sampleRate / TUNING_RATE;
        for (int i = 0; i < COMB_TUNING.length; i++) {
            combsLeft[i] = new Comb(scaled(COMB_TUNING[i], scale));
            combsRight[i] = new Comb(scaled(COMB_TUNING[i] + STEREO_SPREAD, scale));
        }
        for (int i = 0; i < ALLPASS_TUNING.length; i++) {
            allpassesLeft[i] = new Allpass(scaled(ALLPASS_TUNING[i], scale));
            allpassesRight[i] = new Allpass(scaled(ALLPASS_TUNING[i] + STEREO_SPREAD, scale));
        }
        int rampFrames = (int) Math.round(RAMP_SECONDS * sampleRate);
        room = new Ramp(rampFrames, lastRoom);
        damp = new Ramp(rampFrames, lastDamp);
        mix = new Ramp(rampFrames, lastMix);
    }

    static int scaled(int frames, double scale) {
        return Math.max(1, (int) Math.round(frames * scale));
    }

    /** The left (0) or right (1) channel's comb lengths, in frames (for tests). */
    int[] combLengths(int channel) {
        Comb[] combs = channel == 0 ? combsLeft : combsRight;
        int[] lengths = new int[combs.length];
        for (int i = 0; i < combs.length; i++) {
            lengths[i] = combs[i].length();
        }
        return lengths;
    }

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case 0 -> inLeft = data;
            case 1 -> inRight = data;
            case 2 -> roomIn = data;
            case 3 -> dampIn = data;
            case 4 -> mixIn = data;
            case 5 -> outLeft = data;
            default -> outRight = data;
        }
    }

    /** RT. The first block starts at its controls' values, without ramps from the defaults. */
    @Override
    public void activate(World world) {
        start();
    }

    private void start() {
        started = true;
        readControls();
        room.reset(lastRoom);
        damp.reset(lastDamp);
        mix.reset(lastMix);
    }

    private void readControls() {
        lastRoom = unit(roomIn[0], lastRoom);
        lastDamp = unit(dampIn[0], lastDamp);
        lastMix = unit(mixIn[0], lastMix);
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        if (!started) {
            start();
        }
        readControls();
        room.goal(lastRoom);
        damp.goal(lastDamp);
        mix.goal(lastMix);
        int end = offset + frames;
        for (int i = offset; i < end; i++) {
            float feedback = room.next() * SCALE_ROOM + OFFSET_ROOM;
            float damp1 = damp.next() * SCALE_DAMP;
            float damp2 = 1f - damp1;
            float m = mix.next();
            float wet = m * SCALE_WET;
            float wet1 = wet * (WIDTH / 2 + 0.5f);
            float wet2 = wet * ((1 - WIDTH) / 2);
            float dry = 1f - m;

            float xl = inLeft[i];
            float xr = inRight[i];
            float input = (xl + xr) * FIXED_GAIN;
            float l = channel(combsLeft, allpassesLeft, input, feedback, damp1, damp2);
            float r = channel(combsRight, allpassesRight, input, feedback, damp1, damp2);
            outLeft[i] = l * wet1 + r * wet2 + xl * dry;
            outRight[i] = r * wet1 + l * wet2 + xr * dry;
        }
    }

    private static float channel(Comb[] combs, Allpass[] allpasses, float input, float feedback, float damp1,
            float damp2) {
        float sum = 0f;
        for (Comb c : combs) {
            sum += c.process(input, feedback, damp1, damp2);
        }
        for (Allpass a : allpasses) {
            sum = a.process(sum);
        }
        return sum;
    }

    /** {@code v} clamped to [0, 1]; {@code ifNaN} for a NaN. */
    static float unit(float v, float ifNaN) {
        if (Float.isNaN(v)) {
            return ifNaN;
        }
        return Math.max(0f, Math.min(1f, v));
    }
}
