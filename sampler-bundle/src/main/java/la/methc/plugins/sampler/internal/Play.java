package la.methc.plugins.sampler.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.audiobuffer.AudioBuffer;

/**
 * Plays an AudioBuffer: audio output {@code k} reads buffer channel {@code k % numChannels} at a playhead
 * that moves {@code rate * bufferSampleRate / engineSampleRate} frames per output frame.
 *
 * <p>Ports, in {@link #ports()} order (which is also the {@code /node/set} parameter order): 0 the resource
 * input "buffer", 1 "rate" (1), 2 "loop" (0; looping when &ge; 0.5), 3 "start" (0; a whole frame), then the
 * audio outputs "out0" ... The playhead starts at {@code start}. Without looping it runs over
 * {@code [0, numFrames)} and the synth ends (silence and one {@link World#synthDone}) when it leaves that range,
 * at either end; with looping it wraps within {@code [start, numFrames)}, forwards or backwards, and a playhead
 * found outside that range (the start or the buffer changed) is wrapped into it. The controls are read once
 * per block.
 *
 * <p>Interpolation: 0 none (the frame under the playhead), 1 linear, 2 cubic (4-point, 3rd-order Hermite, the
 * Catmull-Rom spline). At a whole-frame position every mode returns that frame exactly, so playing at rate 1
 * from a whole frame copies the buffer bit for bit. Neighbours past the ends are the loop's frames when looping
 * and the edge frames otherwise.
 *
 * <p>Cost: the block is cut into runs of frames whose neighbours all lie inside the buffer (or the loop), and
 * each run is one tight loop per output without a branch per sample; only the few frames at the loop's seam
 * take the careful path. A whole-frame playhead moving by whole frames is a plain copy.
 */
final class Play implements Synth {

    static final int NONE = 0;
    static final int LINEAR = 1;
    static final int CUBIC = 2;

    /** Port indices in {@link #ports()} (and {@code /node/set} parameters). */
    static final int BUFFER = 0;
    static final int RATE = 1;
    static final int LOOP = 2;
    static final int START = 3;
    static final int FIRST_OUTPUT = 4;

    /**
     * Whether {@link #hermite} fuses its multiply-adds: decided once, NRT (this class is first initialised where a
     * play synth is constructed), and a constant the JIT folds.
     */
    private static final boolean FUSED = FusedMultiplyAdd.available();

    /** 1.0 in 32.32 fixed point. */
    private static final double ONE = 0x1p32;
    /** Steps and positions the fixed-point path takes: far from overflowing a long in a 64-frame block. */
    private static final double MAX_FIXED_STEP = 0x1p20;
    private static final double MAX_FIXED_POSITION = 0x1p30;

    private final List<PortDescriptor> ports;
    private final int interpolation;
    private final BufferPort buffer;

    private float[] rate;
    private float[] loop;
    private float[] start;
    private final float[][] outs;

    /** In frames of the buffer; double, so that hours of fractional rates add no audible drift. */
    private double pos;
    private boolean started;
    private boolean ended;

    /** NRT. */
    Play(int bufferId, int channels, int interpolation) {
        this.buffer = new BufferPort(bufferId);
        this.interpolation = interpolation;
        this.outs = new float[channels][];
        List<PortDescriptor> p = new ArrayList<>(FIRST_OUTPUT + channels);
        p.add(PortDescriptor.resourceInput("buffer"));
        p.add(PortDescriptor.controlInput("rate", 1f));
        p.add(PortDescriptor.controlInput("loop", 0f));
        p.add(PortDescriptor.controlInput("start", 0f));
        for (int c = 0; c < channels; c++) {
            p.add(PortDescriptor.audioOutput("out" + c));
        }
        this.ports = Collections.unmodifiableList(p);
    }

    @Override
    public List<PortDescriptor> ports() {
        return ports;
    }

    /** NRT, before publication. Port 0 (the resource port) has no array; the engine does not connect it. */
    @Override
    public void connect(int index, float[] data) {
        switch (index) {
            case BUFFER -> { }
            case RATE -> rate = data;
            case LOOP -> loop = data;
            case START -> start = data;
            default -> outs[index - FIRST_OUTPUT] = data;
        }
    }

    /** RT thread, once as the synth enters the tree: {@link BufferPort#attach}. */
    @Override
    public void attach(World world) {
        buffer.attach(world);
    }

    /**
     * RT thread ({@code /node/set i:id i:0 i:resourceId}). Re-binds the buffer; on success the playhead stays
     * where it is, wrapped into the loop of the new buffer when looping, else clamped to its last frame.
     * On failure nothing changes.
     */
    @Override
    public boolean remap(World world, int port, int resourceId) {
        if (!buffer.remap(world, port, resourceId)) {
            return false;
        }
        if (started && !ended) {
            int n = buffer.get().numFrames();
            pos = Positions.keep(pos, n, loop[0] >= 0.5f, Positions.startFrame(start[0], n));
        }
        return true;
    }

    /** RT thread, once as the synth leaves the tree (or is refused). Releases the buffer. */
    @Override
    public void detach(World world) {
        buffer.detach();
    }

    /** RT thread, every block. Reads the cached buffer body; no refcount work, no allocation. */
    @Override
    public void process(World world, int offset, int frames) {
        final int end = offset + frames;
        final AudioBuffer buf = buffer.get();
        if (ended || buf == null) {
            silence(offset, end);
            return;
        }
        final float[][] data = buf.data();
        final int n = buf.numFrames();
        final int bufferChannels = data.length;
        final boolean looping = loop[0] >= 0.5f;
        final int loopStart = Positions.startFrame(start[0], n);
        final int len = n - loopStart;
        // the lowest position that plays: below it the loop wraps or a one-shot ends
        final int lo = looping ? loopStart : 0;
        if (!started) {
            started = true;
            pos = loopStart;
        }
        double step = rate[0] * (buf.sampleRate() / world.sampleRate());
        if (!Double.isFinite(step)) {
            step = 0;
        }
        final boolean wholeStep = step == Math.rint(step);
        final float[][] outs = this.outs;
        final int channels = outs.length;
        final int mode = interpolation;

        double p = pos;
        int i = offset;
        while (true) {
            if (p >= n || p < lo) {
                if (looping) {
                    p = Positions.wrap(p, loopStart, len);
                } else {
                    ended = true;
                    silence(i, end);
                    world.synthDone(this);
                    break;
                }
            }
            if (i >= end) {
                break;
            }
            int k;
            if (wholeStep && p == Math.rint(p)) {
                // whole frames only: no neighbour is read, so the run may go up to the last frame
                k = run(p, step, lo, n, end - i);
                for (int c = 0; c < channels; c++) {
                    copy(data[c % bufferChannels], outs[c], i, k, p, step);
                }
            } else if (mode == NONE) {
                k = run(p, step, lo, n, end - i);
                for (int c = 0; c < channels; c++) {
                    nearest(data[c % bufferChannels], outs[c], i, k, p, step);
                }
            } else if (Math.abs(step) < MAX_FIXED_STEP && p < MAX_FIXED_POSITION) {
                // interpolating: positions in fixed point (see cubic), neighbours inside the buffer or loop
                long pFix = (long) (p * ONE);
                long sFix = Math.round(step * ONE);
                boolean cubic = mode == CUBIC;
                k = runFixed(pFix, sFix, cubic ? lo + 1 : lo, cubic ? n - 2 : n - 1, end - i);
                for (int c = 0; c < channels; c++) {
                    if (cubic) {
                        cubic(data[c % bufferChannels], outs[c], i, k, pFix, sFix);
                    } else {
                        linear(data[c % bufferChannels], outs[c], i, k, pFix, sFix);
                    }
                }
                if (k > 0) {
                    // on from where the run ended in fixed point
                    p = (pFix + k * sFix) / ONE;
                    i += k;
                    continue;
                }
            } else {
                // a step of a million frames or more, or a position past 2^30: each frame computed as at a seam
                k = 0;
            }
            if (k > 0) {
                p = p + k * step;
                i += k;
            } else {
                // a frame at the seam: neighbours wrap (looping) or stop at the edges (one-shot)
                int x = (int) p;
                double f = p - x;
                for (int c = 0; c < channels; c++) {
                    outs[c][i] = seam(data[c % bufferChannels], x, f, mode, looping, loopStart, len, n);
                }
                p += step;
                i++;
            }
        }
        pos = p;
    }

    private void silence(int from, int to) {
        for (float[] out : outs) {
            Arrays.fill(out, from, to, 0f);
        }
    }

    /**
     * RT. How many of the next {@code max} positions {@code p + j * step} (j = 0, 1, ...) lie in
     * {@code [lo, hi)}, counting from j = 0: 0 when {@code p} itself is outside. The kernels compute the
     * positions with the same expression, so the count is exact, not an estimate.
     */
    static int run(double p, double step, int lo, int hi, int max) {
        if (!(p >= lo && p < hi)) {
            return 0;
        }
        if (step == 0) {
            return max;
        }
        double room = step > 0 ? Math.ceil((hi - p) / step) : Math.floor((lo - p) / step) + 1;
        int k = room >= max ? max : (int) room;
        // the division may round across a boundary: step back until the last position is inside
        while (k > 1) {
            double q = p + (k - 1) * step;
            if (q >= lo && q < hi) {
                break;
            }
            k--;
        }
        return k;
    }

    /**
     * RT. As {@link #run} for positions in 32.32 fixed point ({@code pFix + j * sFix}, frame {@code x} at
     * {@code x << 32}): integer arithmetic, so the count is exact by construction.
     */
    static int runFixed(long pFix, long sFix, int lo, int hi, int max) {
        long loFix = (long) lo << 32;
        long hiFix = (long) hi << 32;
        if (pFix < loFix || pFix >= hiFix) {
            return 0;
        }
        // the usual case, the whole block inside: one multiply instead of a 64-bit division
        long last = pFix + (max - 1) * sFix;
        if (last >= loFix && last < hiFix) {
            return max;
        }
        long room;
        if (sFix > 0) {
            room = (hiFix - pFix + sFix - 1) / sFix;
        } else if (sFix < 0) {
            room = (pFix - loFix) / -sFix + 1;
        } else {
            return max;
        }
        return room >= max ? max : (int) room;
    }

    /**
     * RT. Linear interpolation at positions in 32.32 fixed point, which stay in [lo, n - 1) ({@link #runFixed}),
     * so frame x + 1 exists.
     */
    private static void linear(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        long q = pFix;
        for (int j = 0; j < k; j++) {
            int x = (int) (q >> 32);
            double a = src[x];
            // in double, with the whole 32-bit fraction: as exact as the double kernel this replaced
            dst[di + j] = (float) (a + (q & 0xFFFF_FFFFL) * 0x1p-32 * (src[x + 1] - a));
            q += sFix;
        }
    }

    /**
     * RT. Cubic interpolation at positions in 32.32 fixed point, which stay in [lo + 1, n - 2) ({@link #runFixed}),
     * so frames x - 1 to x + 2 exist. In fixed point the position advances by an integer add and splits into frame
     * and fraction with a shift and a mask: 1.5 times faster than the same kernel with double positions (JMH
     * {@code VoiceBlockBenchmark}), and this loop is where a play synth spends its time.
     */
    private static void cubic(float[] src, float[] dst, int di, int k, long pFix, long sFix) {
        long q = pFix;
        for (int j = 0; j < k; j++) {
            int x = (int) (q >> 32);
            dst[di + j] = hermite(src[x - 1], src[x], src[x + 1], src[x + 2], fraction(q));
            q += sFix;
        }
    }

    /** RT. The fraction of a 32.32 fixed-point position, to 24 bits (a float's precision); exactly 0 at a frame. */
    private static float fraction(long q) {
        return (int) ((q >>> 8) & 0xFF_FFFF) * 0x1p-24f;
    }

    /** RT. Whole-frame positions moving by whole frames: the frames themselves. */
    private static void copy(float[] src, float[] dst, int di, int k, double p, double step) {
        int x = (int) p;
        if (step == 1) {
            System.arraycopy(src, x, dst, di, k);
            return;
        }
        // |step| < numFrames whenever k > 1, so it fits in an int
        int s = (int) step;
        for (int j = 0; j < k; j++) {
            dst[di + j] = src[x + j * s];
        }
    }

    /** RT. No interpolation: the frame under the playhead. Positions stay in [lo, n). */
    private static void nearest(float[] src, float[] dst, int di, int k, double p, double step) {
        for (int j = 0; j < k; j++) {
            dst[di + j] = src[(int) (p + j * step)];
        }
    }

    /**
     * RT. The 4-point, 3rd-order Hermite (Catmull-Rom) interpolation between {@code x0} (f = 0) and {@code x1}
     * (f = 1); it reproduces polynomials up to degree 2 and returns {@code x0} exactly at f = 0. In float: the
     * samples are float and so is the result, and float arithmetic costs half the time of double here (JMH
     * {@code VoiceBlockBenchmark}, play_cubic), which is where the play synth spends its time. Fused
     * multiply-adds where the CPU has them ({@link #hermiteFused}), so the last bit may differ between machines.
     */
    static float hermite(float xm1, float x0, float x1, float x2, float f) {
        return FUSED ? hermiteFused(xm1, x0, x1, x2, f) : hermitePlain(xm1, x0, x1, x2, f);
    }

    /** RT. {@link #hermite} in separate multiplies and adds. */
    static float hermitePlain(float xm1, float x0, float x1, float x2, float f) {
        // Laurent de Soras' arrangement of the same polynomial: 11 operations instead of 16
        float c = 0.5f * (x1 - xm1);
        float v = x0 - x1;
        float w = c + v;
        float a = w + v + 0.5f * (x2 - x0);
        float b = w + a;
        return ((a * f - b) * f + c) * f + x0;
    }

    /**
     * RT. {@link #hermitePlain} with its multiply-adds fused: 4 instructions fewer a sample and one rounding each
     * (the kernel's loop alone 11% faster, JMH {@code VoiceBlockBenchmark} play_cubic 147 instead of 155 ns a
     * block); still {@code x0} exactly at f = 0. Only where {@link FusedMultiplyAdd#available}.
     */
    static float hermiteFused(float xm1, float x0, float x1, float x2, float f) {
        float c = 0.5f * (x1 - xm1);
        float v = x0 - x1;
        float w = c + v;
        float a = Math.fma(0.5f, x2 - x0, w + v);
        float b = w + a;
        return Math.fma(Math.fma(Math.fma(a, f, -b), f, c), f, x0);
    }

    /**
     * RT. One frame at position {@code x + f} near the ends of the buffer or the loop: neighbours outside
     * {@code [0, n)} (one-shot) are the edge frames; outside the loop {@code [loopStart, n)} they wrap.
     */
    static float seam(float[] src, int x, double f, int mode, boolean looping, int loopStart, int len, int n) {
        if (mode == NONE || f == 0) {
            return src[x];
        }
        double x0 = src[x];
        double x1 = src[neighbour(x + 1, looping, loopStart, len, n)];
        if (mode == LINEAR) {
            return (float) (x0 + f * (x1 - x0));
        }
        float xm1 = src[neighbour(x - 1, looping, loopStart, len, n)];
        float x2 = src[neighbour(x + 2, looping, loopStart, len, n)];
        return hermite(xm1, (float) x0, (float) x1, x2, (float) f);
    }

    private static int neighbour(int x, boolean looping, int loopStart, int len, int n) {
        if (looping) {
            return x >= n || x < loopStart ? Positions.wrap(x, loopStart, len) : x;
        }
        return x < 0 ? 0 : x >= n ? n - 1 : x;
    }

    @Override
    public String toString() {
        return SamplerText.play(buffer.id(), outs.length);
    }
}
