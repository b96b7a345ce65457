package la.methc.audiobuffer.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import la.methc.audiobuffer.AudioBuffer;

/**
 * The body {@link AudioBufferDef} builds: the planar sample arrays, plus what the def needs to give the memory
 * back exactly once (who reserved it, and how many bytes).
 */
final class AudioBufferBody implements AudioBuffer {

    private final int numChannels;
    private final int numFrames;
    private final double sampleRate;
    private final float[][] data;

    /** The def that reserved {@link #bytes}: only it may release them. */
    final AudioBufferDef owner;
    /** The reservation this body holds against its def's cap. */
    final long bytes;
    private final AtomicBoolean released = new AtomicBoolean();

    AudioBufferBody(AudioBufferDef owner, float[][] data, double sampleRate, long bytes) {
        this.owner = owner;
        this.data = data;
        this.numChannels = data.length;
        this.numFrames = data[0].length;
        this.sampleRate = sampleRate;
        this.bytes = bytes;
    }

    @Override
    public int numChannels() {
        return numChannels;
    }

    @Override
    public int numFrames() {
        return numFrames;
    }

    @Override
    public double sampleRate() {
        return sampleRate;
    }

    @Override
    public float[][] data() {
        return data;
    }

    @Override
    public float[] channel(int c) {
        return data[c];
    }

    /** True the first time only: a body gives its reservation back once, however often it is destroyed. */
    boolean markReleased() {
        return released.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "AudioBuffer[" + numChannels + " ch x " + numFrames + " frames @ " + sampleRate + " Hz]";
    }
}
