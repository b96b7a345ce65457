package la.methc.engine.internal.command;

import la.methc.api.Host;
import la.methc.engine.internal.osc.Client;

/**
 * A decoded request for the RT thread. Built (and allocated) on a network thread, performed on RT in the
 * block that contains its time, then dropped.
 */
public abstract class Command {

    /** Time of a command that runs in the next block. */
    public static final long NOW = Long.MIN_VALUE;

    final String address;
    final Client client;
    long time = NOW;
    long sequence;

    protected Command(String address, Client client) {
        this.address = address;
        this.client = client;
    }

    public final String address() {
        return address;
    }

    public final Client client() {
        return client;
    }

    /** Engine time in frames at which this runs, or {@link #NOW}. */
    public final long time() {
        return time;
    }

    public final Command at(long frameTime) {
        time = frameTime;
        return this;
    }

    /**
     * RT. Performs the command. {@code offset} is the frame within the current block at which it is due
     * (0 for commands without a time), for sample-accurate starts.
     */
    public abstract void perform(RtContext rt, int offset);

    /**
     * Any thread. The most RT events performing this command may take from the event pool: its replies,
     * {@code /error}s and notifications, and the worker jobs it hands out (ADR 0012). RT runs it only when the pool
     * has that many to spare. Events of nodes and Resource slots are reserved with them, not counted here. Most
     * commands answer once.
     */
    public int events() {
        return 1;
    }

    /**
     * Network thread. The command never reached RT (the engine did not take it in time): let go of what it holds
     * there, e.g. destroy a synth constructed for it. Most commands hold nothing.
     */
    public void refused(Host host) {
    }

    /**
     * RT, error path. The command will never be performed (the scheduler was full, or the engine is shutting
     * down): let go of what it holds. Most commands hold nothing.
     */
    public void drop(RtContext rt) {
    }
}
