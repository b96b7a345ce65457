package la.methc.api;

/** Whether the synth reads or writes a port. */
public enum PortDirection {
    INPUT,
    OUTPUT
}
