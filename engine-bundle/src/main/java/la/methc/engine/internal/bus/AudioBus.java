package la.methc.engine.internal.bus;

import java.util.Arrays;

/**
 * One channel of audio for one block. The epoch says in which block the bus was last written: a bus not
 * written in the current block reads as silence (unless mapped with the feedback flag), and the first
 * writer of a block replaces instead of mixing. This is Methcla's bus protocol.
 */
public final class AudioBus {

    /** A claim's owner: no child, or more than one. */
    private static final int NONE = -1;
    private static final int MANY = -2;

    final float[] data;
    long epoch = -1;
    /* Which child of a parallel group writes and reads this bus, for the claim stamped {@code claim} (RT only). */
    private long claim = Long.MIN_VALUE;
    private int writer;
    private int reader;

    public AudioBus(int blockSize) {
        data = new float[blockSize];
    }

    /** RT. */
    public float[] data() {
        return data;
    }

    /** RT. */
    public boolean writtenIn(long currentEpoch) {
        return epoch == currentEpoch;
    }

    /**
     * RT, or a DSP thread whose turn it is: a synth's output written to this bus in block {@code currentEpoch}, frames
     * {@code offset} to {@code blockSize}. The block's first writer assigns (silence before {@code offset}, a late
     * start); later writers add, or assign with the replace flag ({@code replace}).
     */
    public void write(float[] src, boolean replace, long currentEpoch, int offset, int blockSize) {
        float[] dst = data;
        if (epoch != currentEpoch) {
            Arrays.fill(dst, 0, offset, 0f);
            System.arraycopy(src, offset, dst, offset, blockSize - offset);
            epoch = currentEpoch;
        } else if (replace) {
            System.arraycopy(src, offset, dst, offset, blockSize - offset);
        } else {
            for (int k = offset; k < blockSize; k++) {
                dst[k] += src[k];
            }
        }
    }

    /**
     * RT. Child {@code child} of a parallel group writes this bus in the group's block {@code stamp}. False when a
     * sibling reads it: the client broke the parallel group's contract.
     */
    public boolean claimWrite(long stamp, int child) {
        if (claim != stamp) {
            claim = stamp;
            writer = child;
            reader = NONE;
            return true;
        }
        if (reader != NONE && reader != child) {
            return false;
        }
        writer = writer == NONE || writer == child ? child : MANY;
        return true;
    }

    /** RT. Child {@code child} reads this bus in block {@code stamp}; false when a sibling writes it. */
    public boolean claimRead(long stamp, int child) {
        if (claim != stamp) {
            claim = stamp;
            writer = NONE;
            reader = child;
            return true;
        }
        if (writer != NONE && writer != child) {
            return false;
        }
        reader = reader == NONE || reader == child ? child : MANY;
        return true;
    }

    /**
     * RT or a DSP thread in the group's block. Whether several children write this bus in block {@code stamp}: their
     * writes wait until every child is done, then go in tree order.
     */
    public boolean sharedIn(long stamp) {
        return claim == stamp && writer == MANY;
    }
}
