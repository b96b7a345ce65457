package la.methc.plugins.reverb.internal;

/**
 * Freeverb's lowpass-feedback comb filter: the delay line's output, lowpassed by a one-pole filter, is fed back
 * into it with gain {@code feedback}. Not thread-safe: one reverb channel owns it.
 */
final class Comb {

    private final float[] buffer;
    private int index;
    private float store;

    /** NRT. The only allocation: the delay line of {@code length} frames. */
    Comb(int length) {
        buffer = new float[Math.max(1, length)];
    }

    int length() {
        return buffer.length;
    }

    /** RT. One frame: returns the delayed sample, writes {@code input} plus the damped feedback. */
    float process(float input, float feedback, float damp1, float damp2) {
        float output = buffer[index];
        store = Denormals.flush(output * damp2 + store * damp1);
        buffer[index] = Denormals.flush(input + store * feedback);
        if (++index >= buffer.length) {
            index = 0;
        }
        return output;
    }
}
