package la.methc.api;

/**
 * A plugin command: an OSC address the engine does not handle itself (e.g. {@code /buffer/read}), registered as
 * an OSGi service by its plugin bundle. The engine binds it by {@link #address()}; a built-in address or one
 * already bound is refused (with a warning in the log).
 *
 * <p>How a command runs:
 * <ol>
 *   <li>Network thread: {@link #plan} parses and validates the arguments and says which Resources the work
 *   needs. An {@link IllegalArgumentException} is answered {@code /error s:address i:id s:reason} at once (id:
 *   the first argument if it is an {@code i}, else -1).</li>
 *   <li>RT, in the block of the message's time tag: the engine dispatches
 *   {@link World#performWithResources(int[], boolean[], boolean, ResourcePerform)
 *   performWithResources(plan.resources(), plan.writes(), plan.exclusive(), …)}; a refusal is answered
 *   {@code /error s:address i:plan.id() s:}{@link ResourceStatus#reason()}.</li>
 *   <li>Worker thread: {@link CommandTask#perform} runs with the Resources' bodies, after the tasks of the
 *   commands dispatched before it have finished (plugin commands run one at a time, in order, like scsynth's
 *   asynchronous commands: a {@code /buffer/onsets} right after a {@code /buffer/read} sees the samples). Its
 *   result is sent to the
 *   client that sent the command once RT has released the Resources: {@code /done s:address i:plan.id()} for
 *   null, the {@link CommandReply} otherwise, {@code /error s:address i:plan.id() s:message} for an exception.
 *   A {@code /sync} sent after the command is answered after that reply.</li>
 * </ol>
 * When the plugin's bundle leaves, the engine stops accepting the address at once and waits (a few seconds at
 * most) for the tasks that already run.
 *
 * <p>Writes: a task that writes a Mutable Resource (an AudioBuffer) while synths use it is the client's
 * business (ADR 0004); {@link CommandPlan#exclusive()} makes the engine refuse the dispatch when anyone else
 * holds one of the Resources, and processing into a fresh Resource avoids the question.
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
