package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.SynthNode;

/** {@code /synth/activate i:id}: the synth starts at the frame of the command's time tag. */
public final class ActivateSynth extends NodeCommand {

    public ActivateSynth(Client client, int nodeId) {
        super(CommandText.synthActivate(), client, nodeId);
    }

    @Override
    public void perform(RtContext rt, int offset) {
        SynthNode s = synth(rt);
        if (s != null && !s.activate(offset)) {
            rt.error(address, nodeId, CommandText.alreadyActive(nodeId), client);
        }
    }
}
