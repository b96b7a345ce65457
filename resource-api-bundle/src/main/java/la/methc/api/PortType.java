package la.methc.api;

/** What flows through a port. */
public enum PortType {
    /** One block of samples ({@code float[blockSize]}), mapped to a bus with {@code /synth/map/*}. */
    AUDIO,
    /** One value per block ({@code float[1]}), set with {@code /node/set i:id i:param f:value}. */
    CONTROL,
    /**
     * A reference to a Resource by id, bound by the synth itself ({@link Synth#attach}) and re-mapped with
     * {@code /node/set i:id i:param i:resource-id} ({@link Synth#remap}). Not connected to an array. Its
     * direction is metadata: the engine does not check it against the resource's mutability.
     */
    RESOURCE
}
