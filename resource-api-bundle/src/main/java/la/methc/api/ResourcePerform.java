package la.methc.api;

/** NRT work on Resources, dispatched by {@link World#performWithResources}. */
@FunctionalInterface
public interface ResourcePerform {

    /**
     * Worker thread. {@code bodies[i]} is the body of the i-th requested id, valid only during this call
     * (the engine releases every resource when it returns, on RT).
     */
    void perform(Host host, Object[] bodies);
}
