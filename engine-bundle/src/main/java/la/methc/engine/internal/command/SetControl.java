package la.methc.engine.internal.command;

import la.methc.engine.internal.Engine;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.SynthNode;

/** {@code /node/set i:id i:port f:value}: sets a control input (index among the synth's control inputs). */
public final class SetControl extends NodeCommand {

    private final int port;
    private final float value;

    public SetControl(Client client, int nodeId, int port, float value) {
        super("/node/set", client, nodeId);
        this.port = port;
        this.value = value;
    }

    @Override
    public void perform(Engine rt, int offset) {
        SynthNode s = synth(rt);
        if (s == null) {
            return;
        }
        if (port < 0 || port >= s.numControlInputs()) {
            rt.error(address, nodeId, "control input " + port + " out of range (synth has "
                    + s.numControlInputs() + ")", client);
            return;
        }
        s.setControl(port, value);
    }
}
