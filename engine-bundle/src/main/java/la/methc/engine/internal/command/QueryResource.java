package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;

/** {@code /resource/query i:id} → {@code /resource/info i:id s:uri s:state i:refcount} (uri "" when free). */
public final class QueryResource extends Command {

    private final int id;

    public QueryResource(Client client, int id) {
        super(CommandText.resourceQuery(), client);
        this.id = id;
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        rt.resourceInfo(client, id);
    }
}
