package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;

/** {@code /status} and {@code /sync i:n}: answered after RT has run everything queued before them. */
public final class ServerCommand extends Command {

    private final int id;
    /** A field, not a comparison of the address: that would hold {@code "/status"} in this constant pool. */
    private final boolean status;

    private ServerCommand(String address, Client client, int id, boolean status) {
        super(address, client);
        this.id = id;
        this.status = status;
    }

    public static ServerCommand status(Client client) {
        return new ServerCommand(CommandText.status(), client, 0, true);
    }

    public static ServerCommand sync(Client client, int id) {
        return new ServerCommand(CommandText.sync(), client, id, false);
    }

    @Override
    public void perform(RtContext rt, int offset) {
        if (status) {
            rt.status(client);
        } else {
            rt.sync(client, id);
        }
    }
}
