package la.methc.plugins.envelope.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * out = in * a gated ADSR envelope of linear segments. With A, D, R the attack, decay and release in frames and
 * S the sustain level: when the gate opens the level rises from where it is to 1 at a slope of 1/A per frame
 * (from 0 it is 1 at frame A), falls to S over D frames (S at frame A + D), holds S while the gate stays open;
 * when the gate closes it falls from the level reached to 0 over R frames, whatever that level, and the synth
 * is done in the block that computes the last non-zero frame (as asr-envelope). A gate opening again during
 * the release retriggers the attack from the current level. The level is continuous: every segment starts
 * where the last one stood (only a zero-length segment jumps, as asked). Once done the synth stays silent and
 * ignores the gate, so it is done exactly once.
 *
 * <p>The gate is read once per process call, so it acts at block (or start offset) boundaries. A NaN gate is
 * ignored; a gate ≤ 0 at activation keeps the synth silent until it opens. Each segment's level is computed
 * from a frame count, not accumulated, so segments end exactly on their target.
 */
final class Envelope implements Synth {

    private static final int IDLE = 0;
    private static final int ATTACK = 1;
    private static final int DECAY = 2;
    private static final int SUSTAIN = 3;
    private static final int RELEASE = 4;
    private static final int DONE = 5;

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.audioInput("in"),
            PortDescriptor.controlInput("gate", 1f),
            PortDescriptor.audioOutput("out"));

    private final long attackFrames;
    private final long decayFrames;
    private final double sustainLevel;
    private final long releaseFrames;

    private float[] in;
    private float[] gate;
    private float[] out;

    private int stage = IDLE;
    /** The current segment: level start + step * pos, for pos in [0, length); at length it reaches target. */
    private double start;
    private double target;
    private double step;
    private long length;
    private long pos;
    private boolean open;

    Envelope(long attackFrames, long decayFrames, float sustainLevel, long releaseFrames) {
        this.attackFrames = attackFrames;
        this.decayFrames = decayFrames;
        this.sustainLevel = sustainLevel;
        this.releaseFrames = releaseFrames;
    }

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case 0 -> in = data;
            case 1 -> gate = data;
            default -> out = data;
        }
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        followGate(gate[0]);
        int end = offset + frames;
        for (int i = offset; i < end; i++) {
            while (pos >= length && stage != SUSTAIN && stage != IDLE && stage != DONE) {
                next(world);
            }
            double level = stage == SUSTAIN ? sustainLevel : stage == IDLE || stage == DONE ? 0 : start + step * pos;
            out[i] = (float) (in[i] * level);
            pos++;
        }
        // leave a finished segment now, so the release is done in the block that computes its last frame
        while (pos >= length && (stage == ATTACK || stage == DECAY || stage == RELEASE)) {
            next(world);
        }
    }

    /** Opens (attack from the current level) or closes (release from it) at a change of the gate. */
    private void followGate(float g) {
        if (Float.isNaN(g) || stage == DONE) {
            return;
        }
        boolean nowOpen = g > 0;
        if (nowOpen == open && stage != IDLE) {
            return;
        }
        open = nowOpen;
        double level = current();
        if (nowOpen && (stage == IDLE || stage == RELEASE)) {
            // the same slope as from 0, so a retrigger near the top is short
            segment(ATTACK, level, 1, Math.round((1 - level) * attackFrames));
        } else if (!nowOpen && stage != IDLE && stage != RELEASE) {
            segment(RELEASE, level, 0, releaseFrames);
        }
    }

    /** The level of the next frame to compute. */
    private double current() {
        return switch (stage) {
            case IDLE, DONE -> 0;
            case SUSTAIN -> sustainLevel;
            default -> pos >= length ? target : start + step * pos;
        };
    }

    private void segment(int s, double from, double to, long frames) {
        stage = s;
        start = from;
        target = to;
        length = frames;
        // a zero-length segment is left before any frame of it is computed, so its step is never used
        step = frames > 0 ? (to - from) / frames : 0;
        pos = 0;
    }

    /** The segment that follows a finished one; the end of the release says the synth is done, once. */
    private void next(World world) {
        switch (stage) {
            case ATTACK -> segment(DECAY, 1, sustainLevel, decayFrames);
            case DECAY -> stage = SUSTAIN;
            default -> {
                stage = DONE;
                world.synthDone(this);
            }
        }
    }
}
