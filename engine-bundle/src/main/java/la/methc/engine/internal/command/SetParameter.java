package la.methc.engine.internal.command;

import java.util.List;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.tree.SynthNode;

/**
 * {@code /node/set i:id} then one or more pairs of a parameter ({@code i:number} or {@code s:name}) and a value
 * ({@code f} or {@code i}), as scsynth's {@code /n_set} takes them. Parameters are the synth's control inputs and
 * resource ports, numbered together in port order (without resource ports: the control inputs), and named by their
 * ports. On a control input the value is set ({@code i} converted to float); on a resource port an {@code i} value
 * is a Resource id the synth re-maps to, and an {@code f} value is an error. All or nothing: RT checks every pair
 * first, and a bad one (no such parameter, a float for a resource port, a Resource id out of range or of one not
 * Live) sets none and answers one {@code /error} naming it. A re-map the synth itself refuses after that (another
 * kind of Resource, one held exclusively) keeps the old binding and is logged, as the resource protocol has it
 * (ADR 0001). Names are resolved on RT by {@code String.equals} against the port names: no allocation.
 */
public final class SetParameter extends NodeCommand {

    /** Per pair: the parameter's name, or null when it is given by number. */
    private final String[] names;
    /** Per pair: the parameter's number (given, or resolved from its name on RT). */
    private final int[] params;
    private final boolean[] isInt;
    private final int[] intValues;
    private final float[] floatValues;
    private final int resourceValues;

    /**
     * Network thread. {@code pairs}: parameter (an Integer or a String) and value (an Integer or a Float)
     * alternately; the caller checked the types.
     */
    public SetParameter(Client client, int nodeId, List<?> pairs) {
        super(ParameterText.nodeSet(), client, nodeId);
        int n = pairs.size() / 2;
        names = new String[n];
        params = new int[n];
        isInt = new boolean[n];
        intValues = new int[n];
        floatValues = new float[n];
        int ints = 0;
        for (int k = 0; k < n; k++) {
            Object p = pairs.get(2 * k);
            Number v = (Number) pairs.get(2 * k + 1);
            if (p instanceof String s) {
                names[k] = s;
            } else {
                params[k] = (Integer) p;
            }
            isInt[k] = v instanceof Integer;
            intValues[k] = v.intValue();
            floatValues[k] = v.floatValue();
            ints += isInt[k] ? 1 : 0;
        }
        resourceValues = ints;
    }

    /** One {@code /error}, or a logged warning for each failed re-map (an {@code i} value on a resource port). */
    @Override
    public int events() {
        return Math.max(1, resourceValues);
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        SynthNode s = synth(rt);
        if (s == null) {
            return;
        }
        for (int k = 0; k < params.length; k++) {
            if (names[k] != null) {
                params[k] = s.parameterNamed(names[k]);
            }
            String why = check(s, k, rt.resources());
            if (why != null) {
                rt.error(address, nodeId, why, client);
                return;
            }
        }
        for (int k = 0; k < params.length; k++) {
            int p = params[k];
            int index = s.parameterIndex(p);
            if (!s.isResourceParameter(p)) {
                s.setControl(index, isInt[k] ? (float) intValues[k] : floatValues[k]);
            } else {
                rt.remap(s, index, intValues[k]);
            }
        }
    }

    /** RT. Null when pair {@code k} can be applied; else why not (an error path: the text is built). */
    private String check(SynthNode s, int k, SlotPool resources) {
        int p = params[k];
        if (p < 0 || p >= s.numParameters()) {
            return names[k] != null ? ParameterText.noSuchName(s, names[k], params.length)
                    : ParameterText.outOfRange(s, p, params.length);
        }
        if (s.isResourceParameter(p) && !isInt[k]) {
            return ParameterText.floatForResource(names[k] != null ? names[k] : String.valueOf(p), params.length);
        }
        if (s.isResourceParameter(p) && !resources.isBindable(intValues[k])) {
            return ParameterText.notBindable(names[k] != null ? names[k] : String.valueOf(p), intValues[k], resources,
                    params.length);
        }
        return null;
    }
}
