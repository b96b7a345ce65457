package la.methc.engine.internal.bus;

/**
 * One channel of audio for one block. The epoch says in which block the bus was last written: a bus not
 * written in the current block reads as silence (unless mapped with the feedback flag), and the first
 * writer of a block replaces instead of mixing. This is Methcla's bus protocol.
 */
public final class AudioBus {

    final float[] data;
    long epoch = -1;

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

    /** RT. Marks the bus as holding this block's data (hardware inputs, after the driver filled them). */
    public void markWritten(long currentEpoch) {
        epoch = currentEpoch;
    }
}
