package la.methc.api;

/** What flows through a port. Resource ports arrive with the resource protocol. */
public enum PortType {
    /** One block of samples ({@code float[blockSize]}), mapped to a bus with {@code /synth/map/*}. */
    AUDIO,
    /** One value per block ({@code float[1]}), set with {@code /node/set}. */
    CONTROL
}
