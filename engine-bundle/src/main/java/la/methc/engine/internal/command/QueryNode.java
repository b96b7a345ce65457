package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Node;

/** {@code /node/query i:id} → {@code /node/info i:id i:parent i:isGroup s:uri} (parent -1 for the root, uri "" for a group). */
public final class QueryNode extends NodeCommand {

    public QueryNode(Client client, int nodeId) {
        super(ParameterText.nodeQuery(), client, nodeId);
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        Node n = node(rt);
        if (n != null) {
            rt.nodeInfo(client, n);
        }
    }
}
