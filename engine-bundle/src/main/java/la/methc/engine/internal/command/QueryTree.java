package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.TreeSnapshot;

/**
 * {@code /group/queryTree i:id}: RT records the nodes below the group into one of the tree's pooled
 * {@link TreeSnapshot}s, and the notifier builds {@code /group/queryTree.reply} from it (or an {@code /error} when
 * it does not fit one packet) and gives it back. When all are out (a flood of queries), RT answers busy at once,
 * without walking the tree: so neither memory nor RT's work grows with the number of queries. One event either way.
 */
public final class QueryTree extends NodeCommand {

    /** Network thread. */
    public QueryTree(Client client, int groupId) {
        super(ParameterText.groupQueryTree(), client, groupId);
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
        TreeSnapshot snapshot = rt.tree().snapshot();
        if (snapshot == null) {
            rt.error(address, nodeId, ParameterText.treeBusy(TreeSnapshot.POOL), client);
            return;
        }
        snapshot.take((Group) n);
        rt.tree(client, snapshot);
    }
}
