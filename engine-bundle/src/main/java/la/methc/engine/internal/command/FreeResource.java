package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.SlotResult;

/**
 * {@code /resource/free i:id}: destroys the Resource once nobody holds it (at once when nobody does), then
 * {@code /resource/destroyed}. A slot that is free, being destroyed or already being freed answers
 * {@code /error}.
 */
public final class FreeResource extends Command {

    private final int id;

    public FreeResource(Client client, int id) {
        super(CommandText.resourceFree(), client);
        this.id = id;
    }

    /** An {@code /error}, or its destroy job (its later events are in the slot reserve). */
    @Override
    public int events() {
        return 2;
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        // if, not switch: a switch on an enum loads a synthetic class the first time it runs, here on RT
        SlotResult result = rt.resources().free(id, client);
        if (result == SlotResult.NOT_ALLOCATED) {
            rt.error(address, id, CommandText.notAllocated(id), client);
        } else if (result == SlotResult.BEING_DESTROYED) {
            rt.error(address, id, CommandText.beingDestroyed(id), client);
        } else if (result == SlotResult.ALREADY_FREEING) {
            rt.error(address, id, CommandText.beingFreed(id), client);
        }
    }
}
