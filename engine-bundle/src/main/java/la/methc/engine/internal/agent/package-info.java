/**
 * The one way the engine's NRT threads loop (the notifier, the workers): an {@link la.methc.engine.internal.agent.Agent}
 * does a little work at a time, its {@link la.methc.engine.internal.agent.AgentRunner} calls it and idles by an
 * {@link la.methc.engine.internal.agent.IdleStrategy} when there was none (Agrona's model).
 *
 * <p>Threads (see {@code la.methc.engine.internal}): NRT only; an agent runs on its runner's thread.
 */
package la.methc.engine.internal.agent;
