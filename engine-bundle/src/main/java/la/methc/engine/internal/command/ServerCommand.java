package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;

/** {@code /status} and {@code /sync i:n}: answered after RT has run everything queued before them. */
public final class ServerCommand extends Command {

    private final int id;

    private ServerCommand(String address, Client client, int id) {
        super(address, client);
        this.id = id;
    }

    public static ServerCommand status(Client client) {
        return new ServerCommand("/status", client, 0);
    }

    public static ServerCommand sync(Client client, int id) {
        return new ServerCommand("/sync", client, id);
    }

    @Override
    public void perform(RtContext rt, int offset) {
        if (address.equals("/status")) {
            rt.status(client);
        } else {
            rt.sync(client, id);
        }
    }
}
