package la.methc.plugins.asrenvelope.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * out = in * envelope, the envelope at frame n (counted from the synth's first frame) being
 * level * n / A during the attack, level during the sustain, then falling linearly to reach 0 at frame
 * A + S + R, after which the output is silence and the synth is done.
 */
final class AsrEnvelope implements Synth {

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.audioInput("in"),
            PortDescriptor.audioOutput("out"));

    private final long attackEnd;
    private final long releaseStart;
    private final long releaseEnd;
    private final double level;
    private final double attackSlope;
    private final double releaseSlope;

    private float[] in;
    private float[] out;
    /** Frames computed so far: a count, not a float ramp, so each gain is exact and nothing drifts. */
    private long position;
    private boolean done;

    AsrEnvelope(long attackFrames, long sustainFrames, float level, long releaseFrames) {
        this.attackEnd = attackFrames;
        this.releaseStart = attackFrames + sustainFrames;
        this.releaseEnd = releaseStart + releaseFrames;
        this.level = level;
        // a zero-length segment is never entered, so its slope is never used
        this.attackSlope = attackFrames > 0 ? level / (double) attackFrames : 0;
        this.releaseSlope = releaseFrames > 0 ? level / (double) releaseFrames : 0;
    }

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        if (index == 0) {
            in = data;
        } else {
            out = data;
        }
    }

    /** RT. Says it is done once, in the block that computes the last frame of the release. */
    @Override
    public void process(World world, int offset, int frames) {
        int i = offset;
        int end = offset + frames;
        long n = position;
        for (; i < end && n < releaseEnd; i++, n++) {
            double gain;
            if (n < attackEnd) {
                gain = attackSlope * n;
            } else if (n < releaseStart) {
                gain = level;
            } else {
                gain = level - releaseSlope * (n - releaseStart);
            }
            out[i] = (float) (in[i] * gain);
        }
        for (; i < end; i++) {
            out[i] = 0f;
        }
        position = n;
        if (!done && n >= releaseEnd) {
            done = true;
            world.synthDone(this);
        }
    }
}
