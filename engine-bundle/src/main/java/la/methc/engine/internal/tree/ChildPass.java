package la.methc.engine.internal.tree;

import la.methc.api.World;
import la.methc.engine.internal.bus.AudioBus;
import la.methc.engine.internal.bus.BusMapping;

/**
 * A synth's steps in a parallel group's block (implemented in {@code la.methc.engine.internal.parallel}): its buses
 * claimed for its child (when the group is walked), its process with the writes to buses only its child writes,
 * then, once the children before are mixed, its writes to buses several children write, in tree order. So a bus
 * several children write gets the same sums in the same order as from a plain group, whichever thread ran which
 * child.
 */
public final class ChildPass {

    private ChildPass() {
    }

    /**
     * RT, before the children run: claims the buses {@code node} reads and writes for child {@code child} of the
     * group's block {@code stamp}. False when a bus is read by one child and written by another (the contract of a
     * parallel group broken).
     */
    public static boolean claim(SynthNode node, long stamp, int child) {
        boolean ok = true;
        for (AudioBus bus : node.inputBuses) {
            if (bus != null) {
                ok &= bus.claimRead(stamp, child);
            }
        }
        for (AudioBus bus : node.outputBuses) {
            if (bus != null) {
                ok &= bus.claimWrite(stamp, child);
            }
        }
        return ok;
    }

    /**
     * RT, after every synth of the group claimed its buses with {@code stamp}: bit {@code i} set when output
     * {@code i} (below 64) of {@code node} goes to a bus several children write.
     */
    public static long sharedOutputs(SynthNode node, long stamp) {
        long mask = 0;
        AudioBus[] buses = node.outputBuses;
        for (int i = 0; i < buses.length && i < Long.SIZE; i++) {
            if (buses[i] != null && buses[i].sharedIn(stamp)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** RT, as {@link #sharedOutputs}: whether an output from the 64th on goes to a bus several children write. */
    public static boolean sharedBeyond(SynthNode node, long stamp) {
        AudioBus[] buses = node.outputBuses;
        for (int i = Long.SIZE; i < buses.length; i++) {
            if (buses[i] != null && buses[i].sharedIn(stamp)) {
                return true;
            }
        }
        return false;
    }

    /**
     * RT or a DSP thread, after {@link SynthNode#begin}: the plugin's process with {@code world}, then its outputs
     * to the buses its child alone writes: those not in {@code shared} (outputs from 64 on: not shared in the claims
     * of {@code stamp}). {@code mixes}: whether {@link #mixShared} follows for this synth. An error is kept for
     * {@link SynthNode#settle}; true when there is something to settle (an error, or {@code synthDone}).
     */
    public static boolean process(SynthNode node, World world, long epoch, int blockSize, long shared, long stamp,
            boolean mixes) {
        int offset = node.runOffset;
        try {
            node.readInputs(epoch, offset, blockSize);
            node.synth().process(world, offset, blockSize - offset);
            write(node, epoch, offset, blockSize, shared, stamp, false);
        } catch (Throwable t) {
            node.runError = t;
        }
        if (!mixes && offset != 0) {
            node.runOffset = 0; // from the next block on the synth plays whole blocks
        }
        return node.toSettle();
    }

    /**
     * RT or the thread that ran the synth, once the children before its own are mixed, synth by synth in tree order:
     * the outputs to the buses several children write ({@code shared}, {@code stamp} as for {@link #process}),
     * unless the process threw.
     */
    public static void mixShared(SynthNode node, long epoch, int blockSize, long shared, long stamp) {
        if (node.runError == null) {
            write(node, epoch, node.runOffset, blockSize, shared, stamp, true);
        }
        if (node.runOffset != 0) {
            node.runOffset = 0; // from the next block on the synth plays whole blocks
        }
    }

    /** The outputs to shared buses ({@code toShared}) or to the others, as {@code SynthNode} writes them. */
    private static void write(SynthNode node, long epoch, int offset, int blockSize, long shared, long stamp,
            boolean toShared) {
        float[][] outputs = node.audioOutputs;
        for (int i = 0; i < outputs.length; i++) {
            AudioBus bus = node.outputBuses[i];
            if (bus == null || (i < Long.SIZE ? (shared >>> i & 1) != 0 : bus.sharedIn(stamp)) != toShared) {
                continue;
            }
            bus.write(outputs[i], (node.outputFlags[i] & BusMapping.REPLACE) != 0, epoch, offset, blockSize);
        }
    }
}
