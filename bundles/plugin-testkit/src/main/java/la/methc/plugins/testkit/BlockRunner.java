package la.methc.plugins.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import la.methc.api.HostCommand;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;

/**
 * Runs one {@link Synth} block by block the way the engine does, without the engine: a stub {@link World}
 * that owns the port arrays, fills control and audio inputs, calls {@code activate} once and then
 * {@code process}, and collects each audio output into one {@code float[]}.
 *
 * <p>Ports are addressed per kind, as in OSC: control input 0, audio input 0, audio output 0, ...
 * Frames are counted from the start of the first block, so with a start offset the first
 * {@code offset} frames of every output are silence, as the engine leaves them.
 *
 * <p>Resources: register bodies with {@link #resource}; the synth's {@code attach} runs before its first
 * block, {@link #remap} and {@link #detach} stand for {@code /node/set} on a resource port and the synth
 * leaving the tree, and {@link #refcount} shows what it holds. Resource ports are not connected.
 */
public final class BlockRunner implements World {

    private final Synth synth;
    private final double sampleRate;
    private final int blockSize;
    private final float[][] controlInputs;
    private final float[][] controlOutputs;
    private final float[][] audioInputs;
    private final float[][] audioOutputs;
    /** Whole-signal sources copied into the audio inputs block by block, indexed by absolute frame. */
    private final float[][] inputSignals;

    private boolean activated;
    private boolean attached;
    private final Map<Integer, Object[]> resources = new HashMap<>();
    private long blocks;
    private final List<Long> doneBlocks = new ArrayList<>();

    public BlockRunner(Synth synth, double sampleRate, int blockSize) {
        this(synth, sampleRate, blockSize, new float[0]);
    }

    /**
     * Connects every port of {@code synth}: control input {@code i} starts at {@code controls[i]} when
     * given, else at its {@link PortDescriptor#defaultValue()}, as {@code /synth/new} does.
     */
    public BlockRunner(Synth synth, double sampleRate, int blockSize, float... controls) {
        this.synth = synth;
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
        List<PortDescriptor> ports = synth.ports();
        int[] counts = new int[5];
        for (PortDescriptor p : ports) {
            counts[kind(p)]++;
        }
        if (controls.length > counts[0]) {
            throw new IllegalArgumentException(counts[0] + " control inputs, got " + controls.length + " values");
        }
        controlInputs = new float[counts[0]][1];
        controlOutputs = new float[counts[1]][1];
        audioInputs = new float[counts[2]][blockSize];
        audioOutputs = new float[counts[3]][blockSize];
        inputSignals = new float[counts[2]][];
        int[] next = new int[5];
        for (int i = 0; i < ports.size(); i++) {
            PortDescriptor p = ports.get(i);
            int k = kind(p);
            int index = next[k]++;
            if (k == 4) {
                continue; // resource ports are bound by the synth, not connected
            }
            float[] data = switch (k) {
                case 0 -> controlInputs[index];
                case 1 -> controlOutputs[index];
                case 2 -> audioInputs[index];
                default -> audioOutputs[index];
            };
            if (k == 0) {
                data[0] = index < controls.length ? controls[index] : p.defaultValue();
            }
            synth.connect(i, data);
        }
    }

    /** Constructs a synth of {@code def} with a {@link TestHost} and wraps it. */
    public static BlockRunner of(SynthDef def, OscArgs options, double sampleRate, int blockSize,
            float... controls) {
        Synth s = def.construct(new TestHost(sampleRate, blockSize), options);
        return new BlockRunner(s, sampleRate, blockSize, controls);
    }

    private static int kind(PortDescriptor p) {
        if (p.type() == PortType.RESOURCE) {
            return 4;
        }
        boolean in = p.direction() == PortDirection.INPUT;
        return p.type() == PortType.CONTROL ? (in ? 0 : 1) : (in ? 2 : 3);
    }

    public Synth synth() {
        return synth;
    }

    /** Sets control input {@code index} for the blocks run from now on, like {@code /node/set}. */
    public BlockRunner control(int index, float value) {
        controlInputs[index][0] = value;
        return this;
    }

    public float control(int index) {
        return controlInputs[index][0];
    }

    public float controlOutput(int index) {
        return controlOutputs[index][0];
    }

    /**
     * Feeds audio input {@code index} from {@code signal}, indexed by absolute frame (frame 0 is the first
     * frame of the first block, before any start offset); frames past its end read as silence.
     */
    public BlockRunner audioInput(int index, float[] signal) {
        inputSignals[index] = signal.clone();
        return this;
    }

    /** Runs {@code n} blocks, the synth starting at frame 0 of the first block run. */
    public float[][] run(int n) {
        return run(n, 0);
    }

    /**
     * Runs {@code n} blocks. If the synth has not started yet it starts {@code startOffset} frames into the
     * first of them (a sample-accurate start); later calls continue where the last one stopped.
     *
     * @return one array of {@code n * blockSize} frames per audio output
     */
    public float[][] run(int n, int startOffset) {
        if (startOffset < 0 || startOffset >= blockSize || (activated && startOffset != 0)) {
            throw new IllegalArgumentException("bad start offset " + startOffset);
        }
        float[][] result = new float[audioOutputs.length][n * blockSize];
        for (int b = 0; b < n; b++) {
            int offset = 0;
            if (!attached) {
                attached = true;
                synth.attach(this);
            }
            if (!activated) {
                offset = startOffset;
                activated = true;
                synth.activate(this);
            }
            long frame0 = blocks * blockSize;
            for (int i = 0; i < audioInputs.length; i++) {
                float[] dst = audioInputs[i];
                float[] src = inputSignals[i];
                Arrays.fill(dst, 0f);
                for (int k = offset; k < blockSize && src != null; k++) {
                    long f = frame0 + k;
                    dst[k] = f < src.length ? src[(int) f] : 0f;
                }
            }
            for (float[] out : audioOutputs) {
                // garbage, not zeros, so a synth that skips frames is caught
                Arrays.fill(out, Float.NaN);
            }
            synth.process(this, offset, blockSize - offset);
            for (int i = 0; i < audioOutputs.length; i++) {
                System.arraycopy(audioOutputs[i], offset, result[i], b * blockSize + offset, blockSize - offset);
            }
            blocks++;
        }
        return result;
    }

    /** Blocks run so far. */
    public long blocks() {
        return blocks;
    }

    /** How often the synth called {@link #synthDone}. */
    public int doneCount() {
        return doneBlocks.size();
    }

    /** The block index (0 is the first block run) of each {@link #synthDone} call, in order. */
    public List<Long> doneBlocks() {
        return List.copyOf(doneBlocks);
    }

    /** Makes Resource {@code id} live with kind {@code uri} and {@code body}, for the synth to acquire. */
    public BlockRunner resource(int id, String uri, Object body) {
        resources.put(id, new Object[] {uri, body, 0});
        return this;
    }

    /** How many holds Resource {@code id} has (0 when unknown). */
    public int refcount(int id) {
        Object[] r = resources.get(id);
        return r == null ? 0 : (Integer) r[2];
    }

    /** Calls the synth's attach now (else the first {@link #run} does). */
    public BlockRunner attach() {
        if (!attached) {
            attached = true;
            synth.attach(this);
        }
        return this;
    }

    /** {@code /node/set} of an int on resource port {@code port}: the synth's remap. */
    public boolean remap(int port, int resourceId) {
        return synth.remap(this, port, resourceId);
    }

    /** The synth leaves the tree: its detach. */
    public void detach() {
        synth.detach(this);
    }

    // ---------------------------------------------------------------- World

    @Override
    public double sampleRate() {
        return sampleRate;
    }

    @Override
    public int blockSize() {
        return blockSize;
    }

    @Override
    public double currentTime() {
        return (double) (blocks * blockSize) / sampleRate;
    }

    @Override
    public void synthDone(Synth s) {
        if (s != synth) {
            throw new IllegalStateException("synthDone for a synth this runner does not run: " + s);
        }
        doneBlocks.add(blocks);
    }

    /** Always refuses: there is no worker thread here. */
    @Override
    public boolean performCommand(HostCommand command) {
        return false;
    }

    @Override
    public Object acquire(int id, String expectedUri) {
        if (status(id, expectedUri) != ResourceStatus.OK) {
            return null;
        }
        Object[] r = resources.get(id);
        r[2] = (Integer) r[2] + 1;
        return r[1];
    }

    @Override
    public ResourceStatus status(int id, String expectedUri) {
        Object[] r = resources.get(id);
        if (r == null) {
            return ResourceStatus.NOT_LIVE;
        }
        return r[0].equals(expectedUri) ? ResourceStatus.OK : ResourceStatus.WRONG_URI;
    }

    @Override
    public void release(int id) {
        Object[] r = resources.get(id);
        if (r == null || (Integer) r[2] == 0) {
            throw new IllegalStateException("release of resource " + id + ", which is not held");
        }
        r[2] = (Integer) r[2] - 1;
    }

    /** Always refuses (BUSY): there is no worker thread here. */
    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        return ResourceStatus.BUSY;
    }
}
