package la.methc.plugins.reverb.internal;

/**
 * A control value that reaches a new goal by a linear ramp of a fixed number of frames (whatever the block
 * size), ending exactly on the goal. Not thread-safe: one synth owns it.
 */
final class Ramp {

    private final int frames;
    private float value;
    private float target;
    private float step;
    private int remaining;

    Ramp(int frames, float initial) {
        this.frames = Math.max(1, frames);
        value = initial;
        target = initial;
    }

    /** RT. Jumps to {@code v} at once, without a ramp (the first block). */
    void reset(float v) {
        value = v;
        target = v;
        remaining = 0;
    }

    /** RT. A new goal, also mid-ramp: a whole ramp from where the value is now. */
    void goal(float v) {
        if (v != target) {
            target = v;
            step = (v - value) / frames;
            remaining = frames;
        }
    }

    /** RT. The value for the next frame. */
    float next() {
        if (remaining > 0) {
            remaining--;
            value = remaining == 0 ? target : value + step;
        }
        return value;
    }
}
