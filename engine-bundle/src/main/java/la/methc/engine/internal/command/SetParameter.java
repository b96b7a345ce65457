package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.SynthNode;

/**
 * {@code /node/set i:id i:param n:value}. Parameters are the synth's control inputs and resource ports,
 * numbered together in port order (without resource ports: the control inputs). On a control input the
 * value is set ({@code i} converted to float); on a resource port an {@code i} value is a Resource id the
 * synth re-maps to, and an {@code f} value is an error.
 */
public final class SetParameter extends NodeCommand {

    private final int param;
    private final boolean isInt;
    private final int intValue;
    private final float floatValue;

    public SetParameter(Client client, int nodeId, int param, Number value) {
        super("/node/set", client, nodeId);
        this.param = param;
        isInt = value instanceof Integer;
        intValue = value.intValue();
        floatValue = value.floatValue();
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        SynthNode s = synth(rt);
        if (s == null) {
            return;
        }
        if (param < 0 || param >= s.numParameters()) {
            rt.error(address, nodeId, outOfRange(s), client);
            return;
        }
        int index = s.parameterIndex(param);
        if (!s.isResourceParameter(param)) {
            s.setControl(index, isInt ? (float) intValue : floatValue);
        } else if (!isInt) {
            rt.error(address, nodeId, "parameter " + param + " is a resource port; give an int resource id", client);
        } else {
            rt.remap(s, index, intValue);
        }
    }

    private String outOfRange(SynthNode s) {
        if (s.numResourcePorts() == 0) {
            return "control input " + param + " out of range (synth has " + s.numControlInputs() + ")";
        }
        return "parameter " + param + " out of range (synth has " + s.numParameters() + ": "
                + s.numControlInputs() + " control inputs and " + s.numResourcePorts() + " resource ports)";
    }
}
