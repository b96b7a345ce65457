package la.methc.plugins.pan.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * Equal-power pan: with θ = (pos + 1)·π/4, left = in·cos θ and right = in·sin θ, so left² + right² = in² at
 * every position (centre: each side in/√2). {@code pos} is clamped to [−1, 1]; a NaN keeps the last position.
 *
 * <p>A new position is reached by a linear ramp of θ over {@link #RAMP_SECONDS} (whatever the block size), so a
 * jump does not click and the power stays constant during the ramp too.
 */
final class Pan implements Synth {

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.audioInput("in"),
            PortDescriptor.controlInput("pos", 0f),
            PortDescriptor.audioOutput("left"),
            PortDescriptor.audioOutput("right"));

    /** How long a change of position takes: a few ms, long enough not to click, short enough to feel at once. */
    static final double RAMP_SECONDS = 0.005;

    private static final double QUARTER_PI = Math.PI / 4;

    private float[] in;
    private float[] pos;
    private float[] left;
    private float[] right;

    private boolean started;
    private int rampFrames;
    /** The clamped position last read, and its angle: the ramp's goal. */
    private float targetPos;
    private double target;
    /** The angle now, and its per-frame step while {@code remaining} frames of a ramp are left. */
    private double theta;
    private double step;
    private int remaining;
    /** cos θ and sin θ for the angle now, kept so that a still position costs no trig per frame. */
    private double gainLeft;
    private double gainRight;

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case 0 -> in = data;
            case 1 -> pos = data;
            case 2 -> left = data;
            default -> right = data;
        }
    }

    /** RT. The first block starts at its position, without a ramp from the centre. */
    @Override
    public void activate(World world) {
        start(world);
    }

    private void start(World world) {
        started = true;
        rampFrames = Math.max(1, (int) Math.round(RAMP_SECONDS * world.sampleRate()));
        float p = clamp(pos[0], 0f);
        targetPos = p;
        target = angle(p);
        theta = target;
        remaining = 0;
        gainLeft = Math.cos(theta);
        gainRight = Math.sin(theta);
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        if (!started) {
            start(world);
        }
        float p = clamp(pos[0], targetPos);
        if (p != targetPos) {
            // a new goal, also mid-ramp: a whole ramp from where the angle is now
            targetPos = p;
            target = angle(p);
            step = (target - theta) / rampFrames;
            remaining = rampFrames;
        }
        int i = offset;
        int end = offset + frames;
        for (; i < end && remaining > 0; i++) {
            remaining--;
            theta = remaining == 0 ? target : theta + step;
            gainLeft = Math.cos(theta);
            gainRight = Math.sin(theta);
            float x = in[i];
            left[i] = (float) (x * gainLeft);
            right[i] = (float) (x * gainRight);
        }
        double gl = gainLeft;
        double gr = gainRight;
        for (; i < end; i++) {
            float x = in[i];
            left[i] = (float) (x * gl);
            right[i] = (float) (x * gr);
        }
    }

    /** {@code p} clamped to [−1, 1]; {@code ifNaN} for a NaN. */
    static float clamp(float p, float ifNaN) {
        if (Float.isNaN(p)) {
            return ifNaN;
        }
        return Math.max(-1f, Math.min(1f, p));
    }

    static double angle(float p) {
        return (p + 1.0) * QUARTER_PI;
    }
}
