package la.methc.plugins.sampler.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.audiobuffer.AudioBuffer;

/**
 * The record synth: writes audio input {@code k}, frame for frame, into buffer channel {@code k} of an
 * AudioBuffer, from frame {@code start} on (parameters, in {@link #ports()} order: buffer, loop, start), once or
 * in a loop. It computes on RT. A play synth after it in the node tree hears this block's input: the node order,
 * not the engine, orders the writer before its readers (ADR 0004). The ports and the edge cases:
 * {@code docs/osc-api.md}, "The sampler's synths".
 */
final class Record implements Synth {

    /** Port indices in {@link #ports()} (and {@code /node/set} parameters). */
    static final int BUFFER = 0;
    static final int LOOP = 1;
    static final int START = 2;
    static final int FIRST_INPUT = 3;

    private final List<PortDescriptor> ports;
    private final BufferPort buffer;

    private float[] loop;
    private float[] start;
    private final float[][] ins;

    /** The buffer frame the next input frame goes to. */
    private int pos;
    private boolean started;
    private boolean ended;

    /** NRT. */
    Record(int bufferId, int channels) {
        this.buffer = new BufferPort(bufferId);
        this.ins = new float[channels][];
        List<PortDescriptor> p = new ArrayList<>(FIRST_INPUT + channels);
        p.add(PortDescriptor.resourceOutput("buffer"));
        p.add(PortDescriptor.controlInput("loop", 0f));
        p.add(PortDescriptor.controlInput("start", 0f));
        for (int c = 0; c < channels; c++) {
            p.add(PortDescriptor.audioInput("in" + c));
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
            case LOOP -> loop = data;
            case START -> start = data;
            default -> ins[index - FIRST_INPUT] = data;
        }
    }

    /** RT thread, once as the synth enters the tree: {@link BufferPort#attach}. */
    @Override
    public void attach(World world) {
        buffer.attach(world);
    }

    /**
     * RT thread ({@code /node/set i:id i:0 i:resourceId}). Re-binds the buffer; on success the write position
     * stays where it is, wrapped into the loop of the new buffer when looping, else clamped to its last frame.
     * On failure nothing changes.
     */
    @Override
    public boolean remap(World world, int port, int resourceId) {
        if (!buffer.remap(world, port, resourceId)) {
            return false;
        }
        if (started && !ended) {
            int n = buffer.get().numFrames();
            pos = (int) Positions.keep(pos, n, loop[0] >= 0.5f, Positions.startFrame(start[0], n));
        }
        return true;
    }

    /** RT thread, once as the synth leaves the tree (or is refused). Releases the buffer. */
    @Override
    public void detach(World world) {
        buffer.detach();
    }

    /** RT thread, every block. Writes frames {@code [offset, offset + frames)} of the inputs; no allocation. */
    @Override
    public void process(World world, int offset, int frames) {
        final AudioBuffer buf = buffer.get();
        if (ended || buf == null) {
            return;
        }
        final float[][] data = buf.data();
        final int n = buf.numFrames();
        final boolean looping = loop[0] >= 0.5f;
        final int loopStart = Positions.startFrame(start[0], n);
        final int len = n - loopStart;
        final int lo = looping ? loopStart : 0;
        final int channels = Math.min(ins.length, data.length);
        if (!started) {
            started = true;
            pos = loopStart;
        }
        final int end = offset + frames;
        int p = pos;
        int i = offset;
        while (true) {
            if (p >= n || p < lo) {
                if (looping) {
                    p = Positions.wrap(p, loopStart, len);
                } else {
                    ended = true;
                    world.synthDone(this);
                    break;
                }
            }
            if (i >= end) {
                break;
            }
            int k = Math.min(end - i, n - p);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(ins[c], i, data[c], p, k);
            }
            i += k;
            p += k;
        }
        pos = p;
    }

    @Override
    public String toString() {
        return SamplerText.record(buffer.id(), ins.length);
    }
}
