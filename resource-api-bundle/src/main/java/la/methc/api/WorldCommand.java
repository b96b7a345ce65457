package la.methc.api;

/** Work handed from a non-real-time thread to the RT thread. */
@FunctionalInterface
public interface WorldCommand {
    /** RT: no allocation, no lock, no exception. */
    void perform(World world);
}
