package la.methc.plugins.sampler.internal;

import la.methc.audiobuffer.AudioBuffer;

/** An {@link AudioBuffer} body for tests: planar data, as the real one. */
final class TestBuffer implements AudioBuffer {

    private final float[][] data;
    private final double sampleRate;

    TestBuffer(double sampleRate, float[]... channels) {
        this.sampleRate = sampleRate;
        this.data = channels;
    }

    static TestBuffer zeros(int channels, int frames, double sampleRate) {
        return new TestBuffer(sampleRate, new float[channels][frames]);
    }

    @Override
    public int numChannels() {
        return data.length;
    }

    @Override
    public int numFrames() {
        return data[0].length;
    }

    @Override
    public double sampleRate() {
        return sampleRate;
    }

    @Override
    public float[][] data() {
        return data;
    }
}
