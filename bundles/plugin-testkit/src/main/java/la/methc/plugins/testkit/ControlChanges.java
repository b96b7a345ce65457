package la.methc.plugins.testkit;

import java.util.Arrays;

/**
 * The control changes one {@link BlockRunner} applies before given blocks, as timed {@code /node/set} commands
 * would land: a control input holds one value per block, so a change takes effect from the start of a block (the
 * engine runs a bundle in the block that contains its time tag). Blocks are counted from 0, the first block the
 * runner runs; frames as for {@link BlockRunner#audioInput}. Changes for one block apply in the order given, as the
 * commands of one bundle do.
 *
 * <p>The changes are kept sorted by block in primitive arrays, so applying them allocates nothing: a runner stepping
 * under {@link SynthChecks#assertProcessAllocatesNothing} applies them too.
 *
 * <p>Threads: the runner's.
 */
public final class ControlChanges {

    private final BlockRunner runner;
    private long[] blocks = new long[16];
    private int[] controls = new int[16];
    private float[] values = new float[16];
    private int count;
    /** The first change not applied yet. */
    private int next;

    ControlChanges(BlockRunner runner) {
        this.runner = runner;
    }

    /**
     * Sets control input {@code index} to {@code value} before block {@code block} runs.
     *
     * @throws IllegalArgumentException when that block already ran, or there is no such control input
     */
    public ControlChanges setAt(long block, int index, float value) {
        if (index < 0 || index >= runner.controlInputs()) {
            throw new IllegalArgumentException("no control input " + index + "; the synth has "
                    + runner.controlInputs());
        }
        if (block < runner.blocks()) {
            throw new IllegalArgumentException("block " + block + " already ran (" + runner.blocks()
                    + " blocks run)");
        }
        add(block, index, value);
        return this;
    }

    /** {@link #setAt(long, int, float)} of the control input named {@code name} (its port's name). */
    public ControlChanges setAt(long block, String name, float value) {
        return setAt(block, runner.controlIndex(name), value);
    }

    /**
     * Sets the control input named {@code name} to {@code value} from frame {@code frame} on, which is from the
     * start of the block holding that frame: the change lands on frame {@code frame - frame % blockSize}.
     */
    public ControlChanges setAtFrame(long frame, String name, float value) {
        if (frame < 0) {
            throw new IllegalArgumentException("negative frame " + frame);
        }
        return setAt(frame / runner.blockSize(), runner.controlIndex(name), value);
    }

    /**
     * A linear ramp of the control input named {@code name}, one value per block: {@code from} before block
     * {@code fromBlock}, {@code to} before block {@code toBlock}, and the values on the straight line between them
     * before each block between.
     */
    public ControlChanges ramp(String name, long fromBlock, long toBlock, float from, float to) {
        int index = runner.controlIndex(name);
        if (toBlock < fromBlock) {
            throw new IllegalArgumentException("a ramp from block " + fromBlock + " back to block " + toBlock);
        }
        long n = toBlock - fromBlock;
        for (long b = 0; b <= n; b++) {
            float v = b == n ? to : (float) (from + ((double) to - from) * b / n);
            setAt(fromBlock + b, index, v);
        }
        return this;
    }

    /**
     * A sequence of values of the control input named {@code name}: {@code values[i]} before block
     * {@code fromBlock + i * everyBlocks}.
     */
    public ControlChanges sequence(String name, long fromBlock, int everyBlocks, float... values) {
        int index = runner.controlIndex(name);
        if (everyBlocks <= 0) {
            throw new IllegalArgumentException("everyBlocks must be positive, got " + everyBlocks);
        }
        for (int i = 0; i < values.length; i++) {
            setAt(fromBlock + (long) i * everyBlocks, index, values[i]);
        }
        return this;
    }

    /** How many changes have not been applied yet. */
    public int pending() {
        return count - next;
    }

    /** The runner the changes apply to, to go on configuring it. */
    public BlockRunner runner() {
        return runner;
    }

    private void add(long block, int control, float value) {
        if (count == blocks.length && next > 0) {
            // drop the changes already applied before growing
            System.arraycopy(blocks, next, blocks, 0, count - next);
            System.arraycopy(controls, next, controls, 0, count - next);
            System.arraycopy(values, next, values, 0, count - next);
            count -= next;
            next = 0;
        }
        if (count == blocks.length) {
            blocks = Arrays.copyOf(blocks, 2 * count);
            controls = Arrays.copyOf(controls, 2 * count);
            values = Arrays.copyOf(values, 2 * count);
        }
        int at = count;
        while (at > next && blocks[at - 1] > block) {
            at--; // after every change for the same block or an earlier one
        }
        System.arraycopy(blocks, at, blocks, at + 1, count - at);
        System.arraycopy(controls, at, controls, at + 1, count - at);
        System.arraycopy(values, at, values, at + 1, count - at);
        blocks[at] = block;
        controls[at] = control;
        values[at] = value;
        count++;
    }

    /** Writes every change due before block {@code block} into the control inputs; allocates nothing. */
    void applyDue(long block, float[][] controlInputs) {
        while (next < count && blocks[next] <= block) {
            controlInputs[controls[next]][0] = values[next];
            next++;
        }
    }
}
