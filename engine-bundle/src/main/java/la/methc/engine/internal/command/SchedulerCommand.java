package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;

/**
 * {@code /scheduler/clear} (drops every scheduled bundle, as scsynth's {@code /clearSched}, then
 * {@code /done s:/scheduler/clear}) and {@code /scheduler/query} ({@code /scheduler/info i:pending i:capacity}).
 * On RT, where the scheduler lives; the replies go out as pooled events, without allocation.
 */
public final class SchedulerCommand extends Command {

    private final boolean clear;

    private SchedulerCommand(String address, Client client, boolean clear) {
        super(address, client);
        this.clear = clear;
    }

    public static SchedulerCommand clear(Client client) {
        return new SchedulerCommand(CommandText.schedulerClear(), client, true);
    }

    public static SchedulerCommand query(Client client) {
        return new SchedulerCommand(CommandText.schedulerQuery(), client, false);
    }

    @Override
    public void perform(RtContext rt, int offset) {
        if (clear) {
            rt.dropScheduled();
            rt.done(client, address);
        } else {
            rt.schedulerInfo(client);
        }
    }
}
