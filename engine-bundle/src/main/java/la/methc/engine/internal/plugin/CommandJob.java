package la.methc.engine.internal.plugin;

import la.methc.engine.internal.command.RtContext;
import com.illposed.osc.OSCPacket;
import la.methc.api.CommandTask;
import la.methc.api.Host;
import la.methc.api.ResourcePerform;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.ReleaseListener;

/**
 * The {@code performWithResources} callback of a {@link PluginCommand}. On the worker it runs the plugin's
 * task and builds the reply ({@link CommandReplies}); once RT has released the Resources it hands the reply to
 * the notifier, addressed to the sender. So the reply follows the release (a client that sends an exclusive
 * command on {@code /done} finds the Resource free) and comes before the {@code /synced} of a later
 * {@code /sync} (the release is queued to RT before the worker job counts as finished). Tasks run in dispatch
 * order ({@link CommandOrder}). No String constants: {@link #released} runs on RT.
 */
final class CommandJob implements ResourcePerform, ReleaseListener {

    private final RtContext engine;
    private final CommandDefEntry entry;
    private final Client client;
    private final int id;
    private final CommandTask task;
    private final CommandOrder order;
    /** Set on RT before the job is posted (the hand-over to the worker publishes it). */
    long ticket;
    /** Written on the worker, read on RT after the worker → RT queue (which orders the two). */
    private OSCPacket reply;

    CommandJob(RtContext engine, CommandDefEntry entry, Client client, int id, CommandTask task, CommandOrder order) {
        this.engine = engine;
        this.entry = entry;
        this.client = client;
        this.id = id;
        this.task = task;
        this.order = order;
    }

    /** Worker thread. Waits for the commands dispatched before, then runs the task. */
    @Override
    public void perform(Host host, Object[] bodies) {
        try {
            if (!order.awaitTurn(ticket)) {
                CommandReplies.outOfOrder(entry.address(), id);
            }
            reply = CommandReplies.run(entry.address(), id, task, host, bodies);
        } finally {
            entry.exit();
        }
    }

    /** RT, after the dispatch's Resources were released: the reply, then the next command's turn. */
    @Override
    public void released() {
        OSCPacket r = reply;
        reply = null;
        if (r != null) {
            engine.reply(client, r);
        }
        order.completed(ticket);
    }
}
