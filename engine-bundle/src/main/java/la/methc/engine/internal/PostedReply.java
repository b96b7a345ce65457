package la.methc.engine.internal;

import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.osc.Client;

/** A command posted to RT by a worker or the notifier, numbered as it was posted, so RT runs replies in that order. */
abstract class PostedReply extends Command {

    /** The post's number, set by {@link WorkerReplies} before it is queued. */
    long posted;

    PostedReply(String address, Client client) {
        super(address, client);
    }
}
