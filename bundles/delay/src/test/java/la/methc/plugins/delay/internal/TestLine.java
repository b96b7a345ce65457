package la.methc.plugins.delay.internal;

import la.methc.audiobuffer.AudioBuffer;

/** A zeroed one-channel AudioBuffer body for the tests. */
record TestLine(float[][] data) implements AudioBuffer {

    static TestLine of(int frames) {
        return new TestLine(new float[1][frames]);
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
        return 48000;
    }
}
