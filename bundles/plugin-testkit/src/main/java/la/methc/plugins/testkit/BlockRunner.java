package la.methc.plugins.testkit;

import java.util.Arrays;
import java.util.List;
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
 *
 * <p>Parameters: {@link #control(String, float)} sets a control input for the blocks run from then on,
 * {@link #changes()} schedules changes before given blocks, as timed {@code /node/set} commands land.
 * {@link #run} collects the outputs into new arrays; {@link #step} runs one block and allocates nothing itself once
 * the synth is activated, for allocation checks ({@link SynthChecks}).
 *
 * <p>Threads: one at a time, standing in for the RT thread; two runners may run on two threads at once.
 */
public final class BlockRunner implements World {

    private final Synth synth;
    private final double sampleRate;
    private final int blockSize;
    private final float[][] controlInputs;
    private final float[][] controlOutputs;
    private final float[][] audioInputs;
    private final float[][] audioOutputs;
    private final InputFeed inputs;
    private final String[] controlNames;
    private final ControlChanges changes = new ControlChanges(this);

    private boolean activated;
    private boolean attached;
    private final TestResources resources = new TestResources();
    private long blocks;
    /** The blocks of the first synthDone calls (preallocated: a synth saying it is done allocates nothing). */
    private final long[] doneBlocks = new long[64];
    private int doneCount;
    /** True while process runs, to catch World calls an isolated synth may not make there. */
    private boolean processing;
    private String forbiddenCall;

    /** Connects every port of {@code synth}; control inputs start at their defaults. */
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
        inputs = new InputFeed(counts[2]);
        controlNames = new String[counts[0]];
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
                controlNames[index] = p.name();
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

    /** The synth this runner runs. */
    public Synth synth() {
        return synth;
    }

    /** The sample rate the synth runs at, in Hz. */
    @Override
    public double sampleRate() {
        return sampleRate;
    }

    /** Frames per block. */
    @Override
    public int blockSize() {
        return blockSize;
    }

    /** Sets control input {@code index} for the blocks run from now on, like {@code /node/set}; allocates nothing. */
    public BlockRunner control(int index, float value) {
        controlInputs[index][0] = value;
        return this;
    }

    /** Sets the control input named {@code name} (its port's name) for the blocks run from now on. */
    public BlockRunner control(String name, float value) {
        return control(controlIndex(name), value);
    }

    /** The value control input {@code index} holds now. */
    public float control(int index) {
        return controlInputs[index][0];
    }

    /** The value control output {@code index} held after the last block. */
    public float controlOutput(int index) {
        return controlOutputs[index][0];
    }

    /** The index of the control input named {@code name}; IllegalArgumentException listing them when none is. */
    public int controlIndex(String name) {
        for (int i = 0; i < controlNames.length; i++) {
            if (controlNames[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no control input named '" + name + "'; the synth has "
                + Arrays.toString(controlNames));
    }

    /** The control changes scheduled for later blocks, applied before each block this runner runs. */
    public ControlChanges changes() {
        return changes;
    }

    /**
     * Feeds audio input {@code index} from {@code signal}, indexed by absolute frame (frame 0 is the first
     * frame of the first block, before any start offset); frames past its end read as silence.
     */
    public BlockRunner audioInput(int index, float[] signal) {
        inputs.set(index, signal, false);
        return this;
    }

    /**
     * Feeds audio input {@code index} from {@code signal} over and over: absolute frame {@code f} reads
     * {@code signal[f % signal.length]}; for long runs, such as an allocation check's, on a short signal.
     */
    public BlockRunner audioInputLooped(int index, float[] signal) {
        inputs.set(index, signal, true);
        return this;
    }

    /** How many audio inputs the synth has. */
    public int audioInputs() {
        return audioInputs.length;
    }

    /** How many audio outputs the synth has. */
    public int audioOutputs() {
        return audioOutputs.length;
    }

    /** How many control inputs the synth has. */
    public int controlInputs() {
        return controlInputs.length;
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
            int offset = block(startOffset);
            for (int i = 0; i < audioOutputs.length; i++) {
                System.arraycopy(audioOutputs[i], offset, result[i], b * blockSize + offset, blockSize - offset);
            }
        }
        return result;
    }

    /**
     * Runs one block, as {@link #run(int)} does, without collecting the outputs: after the first block (attach and
     * activate) it allocates nothing itself, so what a measured loop of steps allocates is the synth's.
     */
    public void step() {
        block(0);
    }

    /** The output of audio output {@code index} in the last block run (the runner's array: copy it to keep it). */
    public float[] lastBlock(int index) {
        return audioOutputs[index];
    }

    /** One block: attach and activate when not yet done, scheduled changes, inputs, process; the frame offset. */
    private int block(int startOffset) {
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
        changes.applyDue(blocks, controlInputs);
        long frame0 = blocks * blockSize;
        for (int i = 0; i < audioInputs.length; i++) {
            inputs.fill(i, audioInputs[i], frame0, offset);
        }
        for (float[] out : audioOutputs) {
            // garbage, not zeros, so a synth that skips frames is caught
            Arrays.fill(out, Float.NaN);
        }
        processing = true;
        try {
            synth.process(this, offset, blockSize - offset);
        } finally {
            processing = false;
        }
        blocks++;
        return offset;
    }

    /** Blocks run so far. */
    public long blocks() {
        return blocks;
    }

    /** How often the synth called {@link #synthDone}. */
    public int doneCount() {
        return doneCount;
    }

    /** The block index (0 is the first block run) of each {@link #synthDone} call (the first 64), in order. */
    public List<Long> doneBlocks() {
        return Arrays.stream(doneBlocks, 0, Math.min(doneCount, doneBlocks.length)).boxed().toList();
    }

    /** Makes Resource {@code id} live with kind {@code uri} and {@code body}, for the synth to acquire. */
    public BlockRunner resource(int id, String uri, Object body) {
        resources.put(id, uri, body);
        return this;
    }

    /** How many holds Resource {@code id} has (0 when unknown). */
    public int refcount(int id) {
        return resources.refcount(id);
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

    /**
     * The first {@link World} method the synth's process called that an {@link SynthDef#isolated} synth may not
     * call there ({@code acquire}, {@code status}, {@code release}, {@code performCommand},
     * {@code performWithResources}), or null when it called none.
     */
    public String forbiddenWorldCall() {
        return forbiddenCall;
    }

    private void noteCall(String method) {
        if (processing && forbiddenCall == null) {
            forbiddenCall = method;
        }
    }

    // ---------------------------------------------------------------- World

    /** The time of the start of the block running or about to run, in seconds from the first block. */
    @Override
    public double currentTime() {
        return (double) (blocks * blockSize) / sampleRate;
    }

    /** Records the block in which the synth said it is done ({@link #doneBlocks}). */
    @Override
    public void synthDone(Synth s) {
        if (s != synth) {
            throw new IllegalStateException("synthDone for a synth this runner does not run: " + s);
        }
        if (doneCount < doneBlocks.length) {
            doneBlocks[doneCount] = blocks;
        }
        doneCount++;
    }

    /** Always refuses: there is no worker thread here. */
    @Override
    public boolean performCommand(HostCommand command) {
        noteCall("performCommand");
        return false;
    }

    /** Takes a hold of Resource {@code id} registered with {@link #resource} when its kind is {@code expectedUri}. */
    @Override
    public Object acquire(int id, String expectedUri) {
        noteCall("acquire");
        return resources.acquire(id, expectedUri);
    }

    /** OK for a registered Resource of kind {@code expectedUri}, WRONG_URI for another kind, else NOT_LIVE. */
    @Override
    public ResourceStatus status(int id, String expectedUri) {
        noteCall("status");
        return resources.status(id, expectedUri);
    }

    /** Gives back a hold taken with {@link #acquire}; throws when there is none. */
    @Override
    public void release(int id) {
        noteCall("release");
        resources.release(id);
    }

    /** Always refuses (BUSY): there is no worker thread here. */
    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        noteCall("performWithResources");
        return ResourceStatus.BUSY;
    }
}
