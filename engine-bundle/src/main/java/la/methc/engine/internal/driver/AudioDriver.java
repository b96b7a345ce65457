package la.methc.engine.internal.driver;

/** Runs the RT thread: calls an {@link AudioCallback} once per block. */
public interface AudioDriver extends AutoCloseable {

    /** {@code javasound}, {@code dummy} or {@code offline}. */
    String name();

    DriverOptions options();

    /** Starts calling {@code callback} on the driver's own RT thread. */
    void start(AudioCallback callback);

    /** Stops the RT thread and waits for it to end; idempotent. */
    @Override
    void close();
}
