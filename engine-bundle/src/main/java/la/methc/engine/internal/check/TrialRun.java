package la.methc.engine.internal.check;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import la.methc.api.PortDescriptor;
import la.methc.api.PortType;
import la.methc.api.Synth;

/**
 * One connected synth's RT life, on the trial thread standing in for the RT thread: attach, its resource ports bound
 * to the check's AudioBuffer, activate, then one second of blocks on noise (the warm-up), more blocks until the JIT is
 * quiet, and one more second measured for allocation (and, when it allocated, once more: the smaller counts); then
 * detach. Every audio input gets noise of its own, every
 * control input stays at its default. The block loop allocates nothing of its own. Results are read after the
 * thread ended.
 */
final class TrialRun implements Runnable {

    private final Synth synth;
    private final CheckWorld world;
    private final List<PortDescriptor> ports;
    private final float[][] audioInputs;
    private final float[][] noise;
    /** Audio and control outputs, checked for non-finite values after every block. */
    private final float[][] outputs;
    private final int[] outputPorts;
    private final int blocksPerSecond;
    private final int bufferId;
    private final AllocationMeter meter;

    /** Where the synth failed ("attach", "process", …) and what it threw; null when it did not. */
    String failedIn;
    Throwable thrown;
    long thrownBlock = -1;
    /** Why the synth was not run, or null. */
    String notRun;
    /** The first non-finite output value: its output (index into outputPorts), block and frame; and how many. */
    int nanOutput = -1;
    long nanBlock;
    int nanFrame;
    float nanValue;
    long nanCount;
    /** Bytes process allocated in the measured second, or -1 when not measured. */
    long allocated = -1;
    long measuredBlocks;

    TrialRun(Synth synth, CheckWorld world, List<PortDescriptor> ports, float[][] audioInputs, float[][] outputs,
            int[] outputPorts, int bufferId, AllocationMeter meter) {
        this.synth = synth;
        this.world = world;
        this.ports = ports;
        this.audioInputs = audioInputs;
        this.outputs = outputs;
        this.outputPorts = outputPorts;
        this.bufferId = bufferId;
        this.meter = meter;
        int blockSize = world.blockSize();
        blocksPerSecond = (int) Math.ceil(world.sampleRate() / blockSize);
        noise = new float[audioInputs.length][blocksPerSecond * blockSize];
        for (int i = 0; i < noise.length; i++) {
            Random r = new Random(17 + i); // reproducible, and another stream for each input (a stereo reverb)
            for (int k = 0; k < noise[i].length; k++) {
                noise[i][k] = r.nextFloat() * 2f - 1f;
            }
        }
    }

    int blocksPerSecond() {
        return blocksPerSecond;
    }

    @Override
    public void run() {
        if (!lifecycle("attach", () -> synth.attach(world))) {
            detach();
            return;
        }
        if (!bindResourcePorts()) {
            detach();
            return;
        }
        if (lifecycle("activate", () -> synth.activate(world)) && blocks(blocksPerSecond) && meter != null) {
            // the warm-up above; then a second measured, and when it allocated, another: a compile that a busy
            // machine's JIT finished late allocates in one window, a process that allocates in both
            for (int window = 0; window < 2 && allocated != 0 && thrown == null; window++) {
                measure();
            }
        }
        detach();
    }

    /** Blocks until the JIT is quiet (a compile the loop asks for allocates here), then one second measured. */
    private void measure() {
        AllocationMeter.settle(() -> blocks(64));
        if (thrown != null) {
            return;
        }
        long cost = meter.readingCost();
        long before = meter.allocated();
        boolean ok = blocks(blocksPerSecond);
        long after = meter.allocated();
        if (ok) {
            long bytes = Math.max(0, after - before - cost);
            allocated = allocated < 0 ? bytes : Math.min(allocated, bytes);
            measuredBlocks = blocksPerSecond;
        }
    }

    /**
     * Resource ports the synth did not bind from its options are bound to the check's AudioBuffer as
     * {@code /node/set} would ({@code remap}); false, with {@link #notRun} or {@link #thrown} set, when one cannot be.
     */
    private boolean bindResourcePorts() {
        if (world.holds() > 0) {
            return true; // bound in attach, from its options
        }
        int r = 0;
        for (PortDescriptor p : ports) {
            if (p.type() != PortType.RESOURCE) {
                continue;
            }
            if (bufferId < 0) {
                notRun = "resource port " + r + " '" + p.name() + "', and no AudioBuffer ResourceDef to give it one";
                return false;
            }
            int port = r;
            boolean[] bound = new boolean[1];
            if (!lifecycle("remap", () -> bound[0] = synth.remap(world, port, bufferId))) {
                return false;
            }
            if (!bound[0]) {
                notRun = "resource port " + r + " '" + p.name() + "' took no AudioBuffer (remap refused it; the check"
                        + " offers AudioBuffers only)";
                return false;
            }
            r++;
        }
        return true;
    }

    private void detach() {
        lifecycle("detach", () -> synth.detach(world));
    }

    private boolean lifecycle(String where, Runnable step) {
        try {
            step.run();
            return true;
        } catch (Throwable t) {
            if (thrown == null) {
                failedIn = where;
                thrown = t;
                thrownBlock = world.blocks();
            }
            return false;
        }
    }

    /** Runs {@code n} blocks; false once process threw (recorded). RT-like: allocates nothing itself. */
    private boolean blocks(int n) {
        if (thrown != null) {
            return false;
        }
        int blockSize = world.blockSize();
        try {
            for (int b = 0; b < n; b++) {
                int from = (int) (world.blocks() % blocksPerSecond) * blockSize;
                for (int i = 0; i < audioInputs.length; i++) {
                    System.arraycopy(noise[i], from, audioInputs[i], 0, blockSize);
                }
                for (float[] out : outputs) {
                    Arrays.fill(out, Float.NaN); // a frame process leaves unwritten shows as not finite
                }
                synth.process(world, 0, blockSize);
                checkFinite();
                world.blockDone();
            }
            return true;
        } catch (Throwable t) {
            failedIn = "process";
            thrown = t;
            thrownBlock = world.blocks();
            return false;
        }
    }

    private void checkFinite() {
        for (int o = 0; o < outputs.length; o++) {
            float[] out = outputs[o];
            for (int k = 0; k < out.length; k++) {
                if (!Float.isFinite(out[k])) {
                    if (nanCount++ == 0) {
                        nanOutput = o;
                        nanBlock = world.blocks();
                        nanFrame = k;
                        nanValue = out[k];
                    }
                }
            }
        }
    }

    CheckWorld worldForReport() {
        return world;
    }

    /** The port of {@link #nanOutput}, for the report. */
    PortDescriptor nanPort() {
        return ports.get(outputPorts[nanOutput]);
    }
}
