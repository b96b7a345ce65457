package la.methc.engine.internal.command;

import la.methc.api.OscArgs;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.resource.SlotResult;

/**
 * {@code /resource/new s:def i:id [args…]}: slot FREE → CONSTRUCTING, construct on a worker; then
 * {@code /resource/ready} or {@code /resource/error}. Id range and def were checked on the network thread.
 */
public final class NewResource extends Command {

    private final int id;
    private final ResourceDefEntry def;
    private final OscArgs args;

    public NewResource(Client client, int id, ResourceDefEntry def, OscArgs args) {
        super(CommandText.resourceNew(), client);
        this.id = id;
        this.def = def;
        this.args = args;
    }

    /** An {@code /error}, or its construct job (its later events are in the slot reserve). */
    @Override
    public int events() {
        return 2;
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        // if, not switch: a switch on an enum loads a synthetic class the first time it runs, here on RT
        SlotResult result = rt.resources().create(id, def, args, client);
        if (result == SlotResult.IN_USE) {
            rt.error(address, id, CommandText.resourceIdInUse(id, rt.resources().stateName(id)), client);
        } else if (result == SlotResult.RETIRED) {
            rt.error(address, id, CommandText.resourceDefRetired(def), client);
        }
    }
}
