package la.methc.engine.internal.bus;

/** The engine's audio buses, all allocated at start: internal buses and hardware inputs and outputs. */
public final class Buses {

    private final AudioBus[] internal;
    private final AudioBus[] hardwareIn;
    private final AudioBus[] hardwareOut;

    public Buses(int blockSize, int numInternal, int numHardwareIn, int numHardwareOut) {
        internal = create(numInternal, blockSize);
        hardwareIn = create(numHardwareIn, blockSize);
        hardwareOut = create(numHardwareOut, blockSize);
    }

    private static AudioBus[] create(int n, int blockSize) {
        AudioBus[] buses = new AudioBus[n];
        for (int i = 0; i < n; i++) {
            buses[i] = new AudioBus(blockSize);
        }
        return buses;
    }

    /** Any thread. The bus a mapping names, or null when the index is out of range. */
    public AudioBus lookup(int index, int flags, boolean input) {
        AudioBus[] set = (flags & BusMapping.EXTERNAL) != 0 ? (input ? hardwareIn : hardwareOut) : internal;
        return index >= 0 && index < set.length ? set[index] : null;
    }

    public int count(int flags, boolean input) {
        return ((flags & BusMapping.EXTERNAL) != 0 ? (input ? hardwareIn : hardwareOut) : internal).length;
    }

    /** RT. Copies the driver's input into the hardware input buses. */
    public void readHardwareInputs(float[][] inputs, long epoch) {
        for (int c = 0; c < hardwareIn.length; c++) {
            AudioBus bus = hardwareIn[c];
            if (c < inputs.length) {
                System.arraycopy(inputs[c], 0, bus.data, 0, bus.data.length);
            } else {
                java.util.Arrays.fill(bus.data, 0f);
            }
            bus.epoch = epoch;
        }
    }

    /** RT. Copies hardware output buses to the driver; buses nobody wrote this block give silence. */
    public void writeHardwareOutputs(float[][] outputs, long epoch) {
        for (int c = 0; c < outputs.length; c++) {
            float[] out = outputs[c];
            if (c < hardwareOut.length && hardwareOut[c].epoch == epoch) {
                System.arraycopy(hardwareOut[c].data, 0, out, 0, out.length);
            } else {
                java.util.Arrays.fill(out, 0f);
            }
        }
    }
}
