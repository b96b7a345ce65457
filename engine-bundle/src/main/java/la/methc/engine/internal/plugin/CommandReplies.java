package la.methc.engine.internal.plugin;

import com.illposed.osc.OSCMessage;
import java.util.List;
import la.methc.api.CommandReply;
import la.methc.api.CommandTask;
import la.methc.api.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plugin command's task and turns its outcome into the OSC reply. Worker threads only (the text of the
 * replies lives here, not in the classes that run on RT).
 */
final class CommandReplies {

    private static final Logger LOG = LoggerFactory.getLogger(CommandReplies.class);

    private CommandReplies() {
    }

    /**
     * Worker. {@code /done s:address i:id} when the task returns null, its {@link CommandReply} otherwise,
     * {@code /error s:address i:id s:message} when it throws.
     */
    static OSCMessage run(String address, int id, CommandTask task, Host host, Object[] bodies) {
        try {
            CommandReply r = task.perform(host, bodies);
            if (r == null) {
                return new OSCMessage("/done", List.of(address, id));
            }
            return new OSCMessage(r.address(), r.args());
        } catch (Exception e) {
            LOG.debug("{} {} failed", address, id, e);
            return error(address, id, e);
        } catch (LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
            // a broken or departed plugin, or a task too big: the client hears of it, the worker goes on
            LOG.warn("{} {} failed", address, id, e);
            return error(address, id, e);
        }
    }

    /** Worker. A command gave up waiting for the ones before it. */
    static void outOfOrder(String address, int id) {
        LOG.warn("{} {}: the commands before it did not finish within {} s; it runs beside them",
                address, id, CommandOrder.PATIENCE_MS / 1000);
    }

    private static OSCMessage error(String address, int id, Throwable e) {
        String reason = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
        return new OSCMessage("/error", List.of(address, id, reason));
    }
}
