package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;

/** A command addressed to an existing node: finds it on RT and answers {@code /error} when it is not there. */
abstract class NodeCommand extends Command {

    final int nodeId;

    NodeCommand(String address, Client client, int nodeId) {
        super(address, client);
        this.nodeId = nodeId;
    }

    /** RT. The node, or null after answering {@code /error}. */
    final Node node(RtContext rt) {
        Node n = rt.tree().get(nodeId);
        if (n == null) {
            rt.error(address, nodeId, "node " + nodeId + " not found", client);
        }
        return n;
    }

    /** RT. The synth, or null after answering {@code /error}. */
    final SynthNode synth(RtContext rt) {
        Node n = node(rt);
        if (n != null && n.isGroup()) {
            rt.error(address, nodeId, "node " + nodeId + " is a group, not a synth", client);
            return null;
        }
        return (SynthNode) n;
    }

    /** RT. Links a new node, answering {@code /error} with the reason when it cannot. */
    static boolean insert(RtContext rt, Command c, Node node, int target, int addAction) {
        int result = rt.tree().insert(node, target, addAction);
        if (result == NodeTree.OK) {
            return true;
        }
        String reason = switch (result) {
            case NodeTree.ID_IN_USE -> "node id " + node.id() + " already in use";
            case NodeTree.NO_TARGET -> "target node " + target + " not found";
            case NodeTree.FULL -> "the node tree is full: " + rt.tree().capacity()
                    + " nodes (maxNodes, the root group included)";
            case NodeTree.TARGET_NOT_GROUP -> "target node " + target + " is not a group (add action "
                    + addAction + " needs a group)";
            default -> "cannot add before or after the root group";
        };
        rt.error(c.address(), node.id(), reason, c.client());
        return false;
    }
}
