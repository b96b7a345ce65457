package la.methc.engine.internal.agent;

/** The work of one NRT thread, done a little at a time by its {@link AgentRunner} (Agrona's {@code Agent}). */
public interface Agent {

    /** Does what there is to do now; returns how much it did (0: nothing, so the runner idles). */
    int doWork();

    /** On the agent's thread, once its loop has ended: finish what must not be left behind. */
    default void onClose() {
    }
}
