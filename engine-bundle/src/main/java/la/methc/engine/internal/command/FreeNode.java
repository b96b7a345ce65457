package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;

/** {@code /node/free i:id} (a group with its children) and {@code /group/freeAll i:id} (children only). */
public final class FreeNode extends NodeCommand {

    private final boolean childrenOnly;

    public FreeNode(String address, Client client, int nodeId, boolean childrenOnly) {
        super(address, client, nodeId);
        this.childrenOnly = childrenOnly;
    }

    @Override
    public void perform(RtContext rt, int offset) {
        Node n = node(rt);
        if (n == null) {
            return;
        }
        if (childrenOnly) {
            if (!n.isGroup()) {
                rt.error(address, nodeId, CommandText.notAGroup(nodeId), client);
                return;
            }
            rt.tree().freeChildren((Group) n, client);
        } else if (n == rt.tree().root()) {
            rt.error(address, nodeId, CommandText.rootNotFreed(), client);
        } else {
            rt.tree().free(n, client);
        }
    }
}
