package la.methc.plugins.reverb.internal;

/**
 * Freeverb's (Schroeder) allpass: {@code out = buf[n − d] − in}, {@code buf[n] = in + 0.5·buf[n − d]}. Not
 * thread-safe: one reverb channel owns it.
 */
final class Allpass {

    static final float FEEDBACK = 0.5f;

    private final float[] buffer;
    private int index;

    /** NRT. The only allocation: the delay line of {@code length} frames. */
    Allpass(int length) {
        buffer = new float[Math.max(1, length)];
    }

    int length() {
        return buffer.length;
    }

    /** RT. One frame. */
    float process(float input) {
        float delayed = buffer[index];
        buffer[index] = Denormals.flush(input + delayed * FEEDBACK);
        if (++index >= buffer.length) {
            index = 0;
        }
        return delayed - input;
    }
}
