package la.methc.plugins.delay.internal;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourceRef;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.audiobuffer.AudioBuffer;

/**
 * A feedback delay. Its line is channel 0 of an AudioBuffer resource (parameter 0), bound in attach or remap,
 * released in detach, as the sampler's play synth binds its buffer; process reads the body cached then. Per
 * frame, with d the delay in frames and y the line read d frames back:
 * {@code line[w] = in + feedback·y}, {@code out = (1 − mix)·in + mix·y}; so an impulse comes back at d, 2d,
 * 3d … with amplitudes mix·feedback^(n−1).
 *
 * <p>d = time · the engine's sample rate (the buffer's own rate is ignored), clamped to [1, frames − 2] of the
 * buffer; a fractional d is read by linear interpolation between the frames ⌊d⌋ and ⌊d⌋+1 back (10.5 gives
 * half of an impulse at 10 frames, half at 11). Frames not yet written since the buffer was bound read as 0, so
 * a reused buffer's old contents are never heard. Without a buffer (or with one under 3 frames) the wet path
 * is silent: {@code out = (1 − mix)·in}.
 *
 * <p>Controls: feedback clamped to ±{@link #MAX_FEEDBACK}, mix to [0, 1], time to ≥ 0; a NaN or infinite
 * control holds the last good value. They glide to their targets per frame like one-pole smoothers (time over
 * {@link #TIME_GLIDE_SECONDS}, like a tape head moving, feedback and mix over {@link #GLIDE_SECONDS}), so a
 * change does not click; the first block starts at its controls.
 */
final class Delay implements Synth {

    static final int BUFFER = 0;
    static final int TIME = 1;
    static final int FEEDBACK = 2;
    static final int MIX = 3;
    static final int IN = 4;

    static final float MAX_FEEDBACK = 0.99f;
    static final double TIME_GLIDE_SECONDS = 0.05;
    static final double GLIDE_SECONDS = 0.005;
    /** The shortest line that delays at all: d in [1, frames − 2]. */
    static final int MIN_FRAMES = 3;
    /** Line values smaller than this are written as 0, so a dying feedback loop does not go denormal. */
    private static final double TINY = 1e-30;

    private static final List<PortDescriptor> PORTS = List.of(
            PortDescriptor.resourceInput("buffer"),
            PortDescriptor.controlInput("time", 0.25f),
            PortDescriptor.controlInput("feedback", 0.3f),
            PortDescriptor.controlInput("mix", 0.5f),
            PortDescriptor.audioInput("in"),
            PortDescriptor.audioOutput("out"));

    private final int initialId;
    private final ResourceRef<AudioBuffer> line = new ResourceRef<>(AudioBuffer.URI, AudioBuffer.class);

    private float[] time;
    private float[] feedback;
    private float[] mix;
    private float[] in;
    private float[] out;

    private double lastTime = 0.25;
    private double lastFeedback = 0.3;
    private double lastMix = 0.5;
    private boolean started;
    /** The smoothed delay (frames), feedback and mix. */
    private double d;
    private double g;
    private double m;
    /** The line's write index, and how many frames were written since it was bound (at most its length). */
    private int w;
    private int filled;
    /** A line was just bound: the delay starts at its target rather than gliding from the last one. */
    private boolean fresh = true;

    /** NRT. */
    Delay(int bufferId) {
        this.initialId = bufferId;
    }

    @Override
    public List<PortDescriptor> ports() {
        return PORTS;
    }

    /** NRT, before publication. The resource port has no array; the engine does not connect it. */
    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case BUFFER -> { }
            case TIME -> time = data;
            case FEEDBACK -> feedback = data;
            case MIX -> mix = data;
            case IN -> in = data;
            default -> out = data;
        }
    }

    /**
     * RT, once as the synth enters the tree. Binds the buffer named by {@code i:buffer}, if any.
     *
     * @throws la.methc.api.ResourceAcquireError when it is not a live AudioBuffer (nothing is then held)
     */
    @Override
    public void attach(World world) {
        if (initialId != ResourceRef.NONE) {
            line.bind(world, initialId);
            w = 0;
            filled = 0;
        }
    }

    /**
     * RT ({@code /node/set i:id i:0 i:resourceId}). Re-binds the line; a new buffer starts empty (its old
     * contents are not heard). False, with nothing changed, on failure or for another port.
     */
    @Override
    public boolean remap(World world, int port, int resourceId) {
        AudioBuffer before = line.get();
        if (port != BUFFER || !line.tryReplace(world, resourceId)) {
            return false;
        }
        if (line.get() != before) {
            w = 0;
            filled = 0;
            fresh = true;
        }
        return true;
    }

    /** RT, once as the synth leaves the tree (or is refused). Releases the buffer. */
    @Override
    public void detach(World world) {
        line.close();
    }

    /** RT, every block. Reads the cached buffer body; no refcount work, no allocation. */
    @Override
    public void process(World world, int offset, int frames) {
        if (frames <= 0) {
            return;
        }
        double fs = world.sampleRate();
        readControls();
        AudioBuffer buf = line.get();
        int n = buf == null ? 0 : buf.numFrames();
        double maxD = n - 2;
        double dTarget = n < MIN_FRAMES ? 1 : Math.min(Math.max(lastTime * fs, 1), maxD);
        if (!started) {
            started = true;
            g = lastFeedback;
            m = lastMix;
        }
        double aTime = 1 - Math.exp(-1 / (TIME_GLIDE_SECONDS * fs));
        double a = 1 - Math.exp(-1 / (GLIDE_SECONDS * fs));
        if (n < MIN_FRAMES) {
            dry(offset, frames, a);
            return;
        }
        if (fresh) {
            fresh = false;
            d = dTarget;
        }
        float[] data = buf.channel(0);
        double dd = d;
        double gg = g;
        double mm = m;
        double gT = lastFeedback;
        double mT = lastMix;
        int wi = w;
        int full = filled;
        for (int i = offset, end = offset + frames; i < end; i++) {
            dd += aTime * (dTarget - dd);
            gg += a * (gT - gg);
            mm += a * (mT - mm);
            int k = (int) dd;
            double f = dd - k;
            // the frames k and k + 1 back, both in [1, n − 1]: never the one written now
            double y0 = 0;
            double y1 = 0;
            if (k <= full) {
                int r = wi - k;
                y0 = data[r < 0 ? r + n : r];
            }
            if (k + 1 <= full) {
                int r = wi - k - 1;
                y1 = data[r < 0 ? r + n : r];
            }
            double y = y0 + f * (y1 - y0);
            double x = in[i];
            double v = x + gg * y;
            data[wi] = Math.abs(v) < TINY ? 0f : (float) v;
            out[i] = (float) ((1 - mm) * x + mm * y);
            if (++wi == n) {
                wi = 0;
            }
            if (full < n) {
                full++;
            }
        }
        d = dd;
        g = gg;
        m = mm;
        w = wi;
        filled = full;
    }

    /** No line: the wet path is silent, the dry one still follows mix. */
    private void dry(int offset, int frames, double a) {
        double mm = m;
        double mT = lastMix;
        for (int i = offset, end = offset + frames; i < end; i++) {
            mm += a * (mT - mm);
            out[i] = (float) ((1 - mm) * in[i]);
        }
        m = mm;
        g = lastFeedback;
    }

    /** Clamps the controls into their ranges; a non-finite one keeps the last good value. */
    private void readControls() {
        float t = time[0];
        if (Float.isFinite(t)) {
            lastTime = Math.max(t, 0);
        }
        float fb = feedback[0];
        if (Float.isFinite(fb)) {
            lastFeedback = Math.min(Math.max(fb, -MAX_FEEDBACK), MAX_FEEDBACK);
        }
        float mx = mix[0];
        if (Float.isFinite(mx)) {
            lastMix = Math.min(Math.max(mx, 0), 1);
        }
    }
}
