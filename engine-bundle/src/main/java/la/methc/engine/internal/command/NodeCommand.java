package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;

/**
 * A command addressed to an existing node: finds it on RT and answers {@code /error} when it is not there. No String
 * constants (its texts are in {@link NodeCommandText}): RT runs it for every node command.
 */
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
            rt.error(address, nodeId, NodeCommandText.notFound(nodeId), client);
        }
        return n;
    }

    /** RT. The synth, or null after answering {@code /error}. */
    final SynthNode synth(RtContext rt) {
        Node n = node(rt);
        if (n != null && n.isGroup()) {
            rt.error(address, nodeId, NodeCommandText.notASynth(nodeId), client);
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
        String reason = NodeCommandText.insertFailed(result, node.id(), target, addAction, rt.tree().capacity());
        rt.error(c.address(), node.id(), reason, c.client());
        return false;
    }
}
