package la.methc.api;

/** Work handed from the RT thread to a worker thread. */
@FunctionalInterface
public interface HostCommand {
    /** NRT (worker). */
    void perform(Host host);
}
