package la.methc.engine.internal.driver;

/** The engine's block function, called by a driver once per block. */
public interface AudioCallback {

    /**
     * RT (the driver's audio thread). Fills {@code outputs[channel][frame]} for one block of
     * {@code blockSize} frames from {@code inputs[channel][frame]}. Arrays are preallocated by the driver
     * and reused every block.
     */
    void process(float[][] inputs, float[][] outputs);
}
