package la.methc.api;

/**
 * A kind of Resource, registered as an OSGi service by its plugin bundle and named by URI in
 * {@code /resource/new}. The URI also names the Java type of the body (e.g. {@code AudioBuffer}): a consumer
 * checks the URI ({@link World#acquire}) and then casts.
 */
public interface ResourceDef {

    /** e.g. {@code http://methc.la/resources/AudioBuffer/v1}. */
    String uri();

    Mutability mutability();

    /**
     * Worker thread. Parses the arguments of {@code /resource/new} after the id and builds the body.
     *
     * @return the body, or null when it cannot be built (the client gets {@code /resource/error})
     * @throws IllegalArgumentException with a reason the client sees in {@code /resource/error}
     */
    Object construct(Host host, OscArgs args);

    /** Worker thread. Frees the body. Must not fail: the engine logs what it throws and goes on. */
    void destroy(Host host, Object body);
}
