package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.TreeSnapshot;

/**
 * {@code /group/queryTree i:id}: RT records the nodes below the group into a {@link TreeSnapshot} this command
 * brought along (allocated on the network thread), and the notifier builds {@code /group/queryTree.reply} from it,
 * or an {@code /error} when it does not fit one packet. One event either way.
 */
public final class QueryTree extends NodeCommand {

    private final TreeSnapshot snapshot;

    /** Network thread. {@code capacity}: the most nodes the tree may hold. */
    public QueryTree(Client client, int groupId, int capacity) {
        super(ParameterText.groupQueryTree(), client, groupId);
        snapshot = new TreeSnapshot(capacity);
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        Node n = node(rt);
        if (n == null) {
            return;
        }
        if (!n.isGroup()) {
            rt.error(address, nodeId, ParameterText.notAGroup(nodeId), client);
            return;
        }
        snapshot.take((Group) n);
        rt.tree(client, snapshot);
    }
}
