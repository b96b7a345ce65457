package la.methc.api;

/** The work of a {@link CommandPlan}, run by the engine inside {@link World#performWithResources}. */
@FunctionalInterface
public interface CommandTask {

    /**
     * Worker thread. May allocate, block and do I/O. {@code bodies[i]} is the body of the plan's
     * {@code resources[i]}, valid only during this call; check its type before the cast (the engine does not
     * know what kind of Resource a command expects).
     *
     * @return null for {@code /done s:address i:id}, or the reply to send instead
     * @throws Exception answered {@code /error s:address i:id s:message}; throw one with a message fit for the
     *                   client (e.g. {@link IllegalArgumentException}{@code ("resource 3 is not an AudioBuffer")})
     */
    CommandReply perform(Host host, Object[] bodies) throws Exception;
}
