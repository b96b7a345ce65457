package la.methc.plugins.sampler.internal;

import java.util.Arrays;
import java.util.List;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.api.Synth;
import la.methc.api.SynthDef;

/**
 * One synth as the engine holds it: its control and audio arrays connected by {@link Synth#ports()} index
 * (resource ports are not connected), control inputs at their defaults unless given. {@link Rig} runs voices
 * block by block in node order and collects their outputs.
 *
 * <p>Controls are addressed per kind (control input 0 is the first control input), as the {@code /synth/new}
 * controls array fills them.
 */
final class Voice {

    final Synth synth;
    final float[][] controls;
    final float[][] ins;
    final float[][] outs;
    /** Whole-signal sources for the inputs, indexed by rig frame; frames past the end read as 0. */
    final float[][] inputSignals;
    /** The outputs, indexed by rig frame; the frames before the voice started are 0. */
    float[][] recorded;
    int recordedFrames;

    boolean attached;
    boolean activated;
    int startOffset;
    long startBlock = -1;

    Voice(Synth synth, int blockSize, float... controlValues) {
        this.synth = synth;
        List<PortDescriptor> ports = synth.ports();
        int nc = 0;
        int ni = 0;
        int no = 0;
        for (PortDescriptor p : ports) {
            if (p.type() == PortType.CONTROL && p.direction() == PortDirection.INPUT) {
                nc++;
            } else if (p.type() == PortType.AUDIO) {
                if (p.direction() == PortDirection.INPUT) {
                    ni++;
                } else {
                    no++;
                }
            }
        }
        if (controlValues.length > nc) {
            throw new IllegalArgumentException(nc + " control inputs, got " + controlValues.length);
        }
        controls = new float[nc][1];
        ins = new float[ni][blockSize];
        outs = new float[no][blockSize];
        inputSignals = new float[ni][];
        recorded = new float[no][0];
        int c = 0;
        int i = 0;
        int o = 0;
        for (int index = 0; index < ports.size(); index++) {
            PortDescriptor p = ports.get(index);
            if (p.type() == PortType.CONTROL && p.direction() == PortDirection.INPUT) {
                controls[c][0] = c < controlValues.length ? controlValues[c] : p.defaultValue();
                synth.connect(index, controls[c++]);
            } else if (p.type() == PortType.AUDIO) {
                synth.connect(index, p.direction() == PortDirection.INPUT ? ins[i++] : outs[o++]);
            }
        }
    }

    static Voice of(SynthDef def, FakeWorld world, Object[] options, float... controls) {
        Synth s = def.construct(new FakeHost(world.sampleRate(), world.blockSize()), OscArgs.of(options));
        return new Voice(s, world.blockSize(), controls);
    }

    static Voice play(FakeWorld world, Object[] options, float... controls) {
        return of(new PlaySynthDef(), world, options, controls);
    }

    static Voice record(FakeWorld world, Object[] options, float... controls) {
        return of(new RecordSynthDef(), world, options, controls);
    }

    static Object[] opts(Object... options) {
        return options;
    }

    /** Sets control input {@code index} (counted among control inputs) for the coming blocks, like /node/set. */
    Voice control(int index, float value) {
        controls[index][0] = value;
        return this;
    }

    Voice input(int index, float[] signal) {
        inputSignals[index] = signal;
        return this;
    }

    /** Output {@code c} from rig frame 0 to the last frame run. */
    float[] out(int c) {
        return Arrays.copyOf(recorded[c], recordedFrames);
    }

    /** Runs one block of the rig starting at rig frame {@code frame0}, the way the engine does. */
    void block(FakeWorld world, long block, long frame0) {
        int bs = outs.length > 0 ? outs[0].length : ins.length > 0 ? ins[0].length : world.blockSize();
        int offset = 0;
        if (!attached) {
            attached = true;
            synth.attach(world);
        }
        if (!activated) {
            activated = true;
            startBlock = block;
            offset = startOffset;
            synth.activate(world);
        }
        for (int k = 0; k < ins.length; k++) {
            float[] dst = ins[k];
            float[] src = inputSignals[k];
            Arrays.fill(dst, 0f);
            for (int f = offset; f < bs && src != null; f++) {
                long a = frame0 + f;
                dst[f] = a < src.length ? src[(int) a] : 0f;
            }
        }
        for (float[] out : outs) {
            // garbage, not zeros, so a synth that skips frames is caught
            Arrays.fill(out, Float.NaN);
        }
        synth.process(world, offset, bs - offset);
        int need = (int) (frame0 + bs);
        for (int k = 0; k < outs.length; k++) {
            if (recorded[k].length < need) {
                recorded[k] = Arrays.copyOf(recorded[k], Math.max(need, recorded[k].length * 2));
            }
            // the engine zeroes the frames before the start offset
            Arrays.fill(recorded[k], (int) frame0, (int) frame0 + offset, 0f);
            System.arraycopy(outs[k], offset, recorded[k], (int) frame0 + offset, bs - offset);
        }
        recordedFrames = need;
    }
}
