package la.methc.api;

/**
 * A plugin command: an OSC address the engine does not handle itself (e.g. {@code /buffer/read}), registered as
 * an OSGi service by its plugin bundle and bound by {@link #address()} (a built-in or already bound address is
 * refused, with a warning). Plugin commands run one at a time, in the order RT dispatched them:
 * <ol>
 *   <li>Network thread: {@link #plan} checks the arguments and names the Resources; an
 *   {@link IllegalArgumentException} is answered {@code /error} at once.</li>
 *   <li>RT: the engine dispatches {@link World#performWithResources(int[], boolean[], boolean, ResourcePerform)
 *   performWithResources} with the plan; a refusal is answered {@code /error}.</li>
 *   <li>Worker thread: {@link CommandTask#perform} runs with the bodies. Once RT has released them, the sender
 *   gets {@code /done} for null, the {@link CommandReply}, or {@code /error} for an exception.</li>
 * </ol>
 * Writes to a Mutable Resource: ADR 0004 and {@link CommandPlan#exclusive()}. The exact replies and what
 * happens when the plugin leaves: {@code docs/osc-api.md}, "Plugin commands".
 */
public interface CommandDef {

    /** The OSC address, e.g. {@code /buffer/read}; starts with {@code /}. Read once, when bound. */
    String address();

    /**
     * Network thread. Parses and validates {@code args} (the message's arguments, all of them) and plans the
     * work. Must not block for long (no file reads: they belong in the task); resolving paths with
     * {@link Host#samplePath} is fine.
     *
     * @throws IllegalArgumentException with a reason the client sees in {@code /error} when the arguments are bad
     */
    CommandPlan plan(Host host, OscArgs args);
}
