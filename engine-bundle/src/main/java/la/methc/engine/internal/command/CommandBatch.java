package la.methc.engine.internal.command;

import java.util.List;
import la.methc.api.Host;
import la.methc.engine.internal.osc.Client;

/**
 * The commands of one OSC bundle, taken by RT as one: they act together in one block, and RT takes them only
 * when the event pool can hold every reply all of them may produce (ADR 0012). Built on the network thread.
 */
public final class CommandBatch extends Command {

    private final Command[] commands;
    private final int events;

    /** {@code client}: the sender, who gets an {@code /error} about the whole bundle. */
    public CommandBatch(List<Command> commands, Client client) {
        super(CommandText.bundle(), client);
        this.commands = commands.toArray(new Command[0]);
        int sum = 0;
        for (Command c : this.commands) {
            sum += c.events();
        }
        events = sum;
    }

    /** Network thread. How many commands the bundle holds. */
    public int size() {
        return commands.length;
    }

    @Override
    public int events() {
        return events;
    }

    /** RT. Each command in bundle order, at the bundle's offset. */
    @Override
    public void perform(RtContext rt, int offset) {
        for (Command c : commands) {
            c.perform(rt, offset);
        }
    }

    @Override
    public void drop(RtContext rt) {
        for (Command c : commands) {
            c.drop(rt);
        }
    }

    @Override
    public void refused(Host host) {
        for (Command c : commands) {
            c.refused(host);
        }
    }
}
