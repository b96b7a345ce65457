package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Node;

/** {@code /synth/property/doneFlags/set i:id i:flags}: what happens when the synth says it is done. */
public final class SetDoneFlags extends NodeCommand {

    private final int flags;

    public SetDoneFlags(Client client, int nodeId, int flags) {
        super(CommandText.doneFlagsSet(), client, nodeId);
        this.flags = flags;
    }

    @Override
    public void perform(RtContext rt, int offset) {
        Node n = synth(rt);
        if (n != null) {
            n.setDoneFlags(flags);
        }
    }
}
