package la.methc.engine.internal.tree;

import la.methc.engine.internal.bus.AudioBus;
import la.methc.engine.internal.bus.BusMapping;
import java.util.Arrays;
import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.api.World;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.engine.internal.resource.HeldResources;

/**
 * A {@link Synth} in the tree, with the engine-owned port buffers and bus mappings. Built and connected
 * on the network thread, then published to RT, which alone touches it afterwards.
 *
 * <p>Parameters ({@code /node/set i:id i:param …}) are the control inputs and resource ports together, numbered
 * in {@link Synth#ports()} order; without resource ports, parameter n is control input n.
 */
public final class SynthNode extends Node {

    private final SynthDefEntry def;
    private final Synth synth;
    private final float[][] controlInputs;
    private final float[][] controlOutputs;
    private final float[][] audioInputs;
    final float[][] audioOutputs;
    final AudioBus[] inputBuses;
    private final int[] inputFlags;
    final AudioBus[] outputBuses;
    final int[] outputFlags;
    private final int numResourcePorts;
    /** Per parameter: its index among the control inputs, or among the resource ports. */
    private final int[] parameterIndex;
    private final boolean[] parameterIsResource;
    /** Per parameter: its port's name, for {@code /node/set i:id s:name …} (compared with equals: no allocation). */
    private final String[] parameterNames;
    /** The ports as create() checked them: an immutable copy of records, so reading it runs no plugin code. */
    private final List<PortDescriptor> ports;
    /** The Resources this synth acquired in attach/remap and has not released. */
    private final HeldResources held;

    private static final int INACTIVE = 0;
    private static final int ACTIVATING = 1;
    private static final int ACTIVE = 2;
    private int state = INACTIVE;
    private int startOffset;

    /* The start offset in the first block (set by begin, reset after the block's outputs are written); in a run of
       isolated synths (see ParallelSynths) or a parallel group (ChildPass), the error and synthDone of the process
       (set by the thread that ran it, taken by settle on RT). */
    int runOffset;
    Throwable runError;
    private boolean runDone;

    private SynthNode(int id, SynthDefEntry def, Synth synth, List<PortDescriptor> ports, int[] counts, int blockSize) {
        super(id);
        this.ports = ports;
        this.def = def;
        this.synth = synth;
        controlInputs = new float[counts[0]][1];
        controlOutputs = new float[counts[1]][1];
        audioInputs = new float[counts[2]][blockSize];
        audioOutputs = new float[counts[3]][blockSize];
        inputBuses = new AudioBus[counts[2]];
        inputFlags = new int[counts[2]];
        outputBuses = new AudioBus[counts[3]];
        outputFlags = new int[counts[3]];
        numResourcePorts = counts[RESOURCE];
        parameterIndex = new int[counts[0] + counts[RESOURCE]];
        parameterIsResource = new boolean[parameterIndex.length];
        parameterNames = new String[parameterIndex.length];
        held = new HeldResources(numResourcePorts + 4);
    }

    /**
     * NRT (network thread). Wraps a constructed synth: allocates its port buffers, sets control inputs
     * from {@code controls} (then from the port defaults) and connects every port.
     *
     * @throws IllegalArgumentException with a reason naming the SynthDef when there are more controls than
     *                                  control inputs, or when the plugin's {@code ports()} or {@code connect}
     *                                  fails (throws anything, or {@code ports()} gives null or a null port)
     */
    public static SynthNode create(int id, SynthDefEntry def, Synth synth, float[] controls, int blockSize) {
        List<PortDescriptor> ports = CheckedPorts.of(def, synth);
        int[] counts = new int[5];
        for (PortDescriptor p : ports) {
            counts[kind(p)]++;
        }
        if (controls.length > counts[0]) {
            throw new IllegalArgumentException(NodeText.tooManyControls(def, counts[0], controls.length));
        }
        SynthNode node = new SynthNode(id, def, synth, ports, counts, blockSize);
        int[] next = new int[5];
        int parameter = 0;
        for (int i = 0; i < ports.size(); i++) {
            PortDescriptor p = ports.get(i);
            int k = kind(p);
            int index = next[k]++;
            if (k == 0 || k == RESOURCE) {
                node.parameterIndex[parameter] = index;
                node.parameterNames[parameter] = p.name();
                node.parameterIsResource[parameter++] = k == RESOURCE;
            }
            if (k == RESOURCE) {
                continue; // a resource port is bound by the synth itself (attach, remap), not connected
            }
            float[] data = switch (k) {
                case 0 -> node.controlInputs[index];
                case 1 -> node.controlOutputs[index];
                case 2 -> node.audioInputs[index];
                default -> node.audioOutputs[index];
            };
            if (k == 0) {
                data[0] = index < controls.length ? controls[index] : p.defaultValue();
            }
            try {
                synth.connect(i, data);
            } catch (Throwable t) {
                // plugin code: whatever it throws refuses this synth, not the network thread
                throw new IllegalArgumentException(NodeText.connectFailed(def, i, t), t);
            }
        }
        return node;
    }

    private static final int RESOURCE = 4;

    /** 0 control in, 1 control out, 2 audio in, 3 audio out, 4 resource (either direction). */
    private static int kind(PortDescriptor p) {
        if (p.type() == PortType.RESOURCE) {
            return RESOURCE;
        }
        boolean in = p.direction() == PortDirection.INPUT;
        return p.type() == PortType.CONTROL ? (in ? 0 : 1) : (in ? 2 : 3);
    }

    public SynthDef def() {
        return def.def();
    }

    public SynthDefEntry entry() {
        return def;
    }

    public Synth synth() {
        return synth;
    }

    /** Its ports, in order, as it described them when created (plugin code never runs here: RT may call it). */
    public List<PortDescriptor> ports() {
        return ports;
    }

    @Override
    public boolean isGroup() {
        return false;
    }

    public int numControlInputs() {
        return controlInputs.length;
    }

    public int numResourcePorts() {
        return numResourcePorts;
    }

    /** Control inputs and resource ports: the parameters of {@code /node/set}. */
    public int numParameters() {
        return parameterIndex.length;
    }

    /** Whether parameter {@code p} is a resource port (else a control input). */
    public boolean isResourceParameter(int p) {
        return parameterIsResource[p];
    }

    /**
     * RT. The parameter whose port is named {@code name} (the first, should two share it), or -1. String.equals
     * against the port names: no allocation.
     */
    public int parameterNamed(String name) {
        for (int p = 0; p < parameterNames.length; p++) {
            if (name.equals(parameterNames[p])) {
                return p;
            }
        }
        return -1;
    }

    /** The index of parameter {@code p} among the control inputs or among the resource ports. */
    public int parameterIndex(int p) {
        return parameterIndex[p];
    }

    /** RT. The Resources held through attach and remap. */
    public HeldResources held() {
        return held;
    }

    public int numAudioInputs() {
        return audioInputs.length;
    }

    public int numAudioOutputs() {
        return audioOutputs.length;
    }

    /** RT. */
    public void setControl(int index, float value) {
        controlInputs[index][0] = value;
    }

    /** RT (tests: any thread once the node is idle). */
    public float control(int index) {
        return controlInputs[index][0];
    }

    /** RT. {@code bus} null unmaps. */
    public void mapInput(int index, AudioBus bus, int flags) {
        inputBuses[index] = bus;
        inputFlags[index] = flags;
        changed(); // a synth that reads a bus is no longer isolated
    }

    /** RT. {@code bus} null unmaps. */
    public void mapOutput(int index, AudioBus bus, int flags) {
        outputBuses[index] = bus;
        outputFlags[index] = flags;
        changed(); // a parallel group's walk knows which child writes which bus
    }

    public boolean isActive() {
        return state != INACTIVE;
    }

    /** RT. Starts the synth {@code offset} frames into the current block; a second activate is ignored. */
    public boolean activate(int offset) {
        if (state != INACTIVE) {
            return false;
        }
        state = ACTIVATING;
        startOffset = offset;
        changed();
        return true;
    }

    @Override
    public void process(BlockContext block) {
        if (!begin(block)) {
            return;
        }
        int blockSize = block.blockSize();
        int offset = runOffset;
        try {
            long epoch = block.epoch();
            readInputs(epoch, offset, blockSize);
            synth.process(block.world(), offset, blockSize - offset);
            writeOutputs(epoch, offset, blockSize);
        } catch (Throwable t) {
            // a broken plugin must not stop the audio thread; the engine frees it after the block
            block.failed(this, t);
        }
        if (offset != 0) {
            runOffset = 0; // from the next block on the synth plays whole blocks
        }
    }

    /**
     * RT. Whether {@link #process} may run on a helper thread beside its isolated siblings: its def is
     * {@link SynthDef#isolated} and it reads no bus, so no sibling's output can change what it computes.
     */
    public boolean isolated() {
        if (!def.isolated()) {
            return false;
        }
        for (AudioBus bus : inputBuses) {
            if (bus != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * RT, before the plugin's process (in {@link #process(BlockContext)} and in a run of isolated synths): the
     * start offset and activate. False when the synth does not play this block.
     */
    public boolean begin(BlockContext block) {
        if (state == INACTIVE || doomed) {
            return false;
        }
        block.enter(this);
        try {
            if (state == ACTIVATING) {
                // the only write here: the thread that processes this synth keeps the node's cache line
                runOffset = startOffset;
                state = ACTIVE;
                synth.activate(block.world());
            }
            return true;
        } catch (Throwable t) {
            block.failed(this, t);
            return false;
        }
    }

    /**
     * RT or a render helper thread, after {@link #begin}: the plugin's process, with a {@code world} that
     * records {@code synthDone}. An error is kept for {@link #settle}; true when there is something to settle.
     */
    public boolean processIsolated(World world, long epoch, int blockSize) {
        try {
            readInputs(epoch, runOffset, blockSize);
            synth.process(world, runOffset, blockSize - runOffset);
        } catch (Throwable t) {
            runError = t;
        }
        return runError != null || runDone;
    }

    /**
     * The render thread whose turn it is to mix (see ParallelSynths), in tree order: the outputs into the buses,
     * unless the process threw.
     */
    public void mix(long epoch, int blockSize) {
        if (runError == null) {
            writeOutputs(epoch, runOffset, blockSize);
        }
        if (runOffset != 0) {
            runOffset = 0; // from the next block on the synth plays whole blocks
        }
    }

    /** RT, after the run is mixed, in tree order: the error or {@code synthDone} the process left. */
    public void settle(BlockContext block) {
        // fields written only when set, so that the cache line stays with the thread that runs the synth
        if (runError != null) {
            Throwable error = runError;
            runError = null;
            block.failed(this, error);
        } else if (runDone) {
            runDone = false;
            block.enter(this);
            block.world().synthDone(synth);
        }
    }

    /** A render thread: the synth called {@code synthDone} for itself during an isolated process. */
    public void markDone() {
        runDone = true;
    }

    /** The thread that ran the synth: whether its process left an error or {@code synthDone} for {@link #settle}. */
    boolean toSettle() {
        return runError != null || runDone;
    }

    void readInputs(long epoch, int offset, int blockSize) {
        for (int i = 0; i < audioInputs.length; i++) {
            float[] dst = audioInputs[i];
            AudioBus bus = inputBuses[i];
            if (bus != null && ((inputFlags[i] & (BusMapping.EXTERNAL | BusMapping.FEEDBACK)) != 0
                    || bus.writtenIn(epoch))) {
                System.arraycopy(bus.data(), offset, dst, offset, blockSize - offset);
            } else {
                Arrays.fill(dst, offset, blockSize, 0f);
            }
        }
    }

    private void writeOutputs(long epoch, int offset, int blockSize) {
        for (int i = 0; i < audioOutputs.length; i++) {
            AudioBus bus = outputBuses[i];
            if (bus != null) {
                bus.write(audioOutputs[i], (outputFlags[i] & BusMapping.REPLACE) != 0, epoch, offset, blockSize);
            }
        }
    }
}
