package la.methc.engine.internal.resource;

/**
 * A {@link la.methc.api.ResourcePerform} that wants to hear when its dispatch is complete: the callback has
 * returned on the worker and RT has released every Resource of the dispatch.
 */
public interface ReleaseListener {

    /** RT, right after the release. No allocation, lock or exception. */
    void released();
}
