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
 * The play synth: plays an AudioBuffer, audio output {@code k} reading buffer channel {@code k % numChannels}
 * (parameters, in {@link #ports()} order: buffer, rate, loop, start), with no, linear or cubic
 * {@link Interpolation}. Without looping it ends at either end of the buffer ({@link World#synthDone}); looping,
 * it wraps within {@code [start, numFrames)}. It computes on RT, or on a render thread (it is isolated, ADR 0006).
 * It cuts each block into runs; {@link Interpolation}'s kernels fill them. The details: {@code docs/osc-api.md},
 * "The sampler's synths"; the cost: {@code docs/performance.md}.
 */
final class Play implements Synth {

    /** Port indices in {@link #ports()} (and {@code /node/set} parameters). */
    static final int BUFFER = 0;
    static final int RATE = 1;
    static final int LOOP = 2;
    static final int START = 3;
    static final int FIRST_OUTPUT = 4;

    static {
        // the kernels' class loaded and initialised here, NRT, where the first play synth is constructed
        Interpolation.load();
    }

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
                k = Interpolation.run(p, step, lo, n, end - i);
                for (int c = 0; c < channels; c++) {
                    Interpolation.copy(data[channel(c, bufferChannels)], outs[c], i, k, p, step);
                }
            } else if (mode == Interpolation.NONE) {
                k = Interpolation.run(p, step, lo, n, end - i);
                for (int c = 0; c < channels; c++) {
                    Interpolation.nearest(data[channel(c, bufferChannels)], outs[c], i, k, p, step);
                }
            } else if (Math.abs(step) < Interpolation.MAX_FIXED_STEP && p < Interpolation.MAX_FIXED_POSITION) {
                // interpolating: fixed-point positions (Interpolation.cubic), neighbours inside the buffer or loop
                long pFix = (long) (p * Interpolation.ONE);
                long sFix = Math.round(step * Interpolation.ONE);
                boolean cubic = mode == Interpolation.CUBIC;
                k = Interpolation.runFixed(pFix, sFix, cubic ? lo + 1 : lo, cubic ? n - 2 : n - 1, end - i);
                for (int c = 0; c < channels; c++) {
                    if (cubic) {
                        Interpolation.cubic(data[channel(c, bufferChannels)], outs[c], i, k, pFix, sFix);
                    } else {
                        Interpolation.linear(data[channel(c, bufferChannels)], outs[c], i, k, pFix, sFix);
                    }
                }
                if (k > 0) {
                    // on from where the run ended in fixed point
                    p = (pFix + k * sFix) / Interpolation.ONE;
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
                    outs[c][i] = Interpolation.seam(data[channel(c, bufferChannels)], x, f, mode, looping,
                            loopStart, len, n);
                }
                p += step;
                i++;
            }
        }
        pos = p;
    }

    /** RT. The buffer channel output {@code c} reads: no division where there are channels enough (the usual case). */
    private static int channel(int c, int bufferChannels) {
        return c < bufferChannels ? c : c % bufferChannels;
    }

    private void silence(int from, int to) {
        for (float[] out : outs) {
            Arrays.fill(out, from, to, 0f);
        }
    }

    @Override
    public String toString() {
        return SamplerText.play(buffer.id(), outs.length);
    }
}
