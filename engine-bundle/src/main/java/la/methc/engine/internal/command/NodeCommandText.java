package la.methc.engine.internal.command;

import la.methc.engine.internal.tree.NodeTree;

/**
 * The text of {@link NodeCommand}'s errors: a cold helper, so that the class every node command (a {@code /node/set}
 * a thousand times a second among them) runs on RT holds no String constant a C2 compile could resolve there. RT
 * error paths only.
 */
final class NodeCommandText {

    private NodeCommandText() {
    }

    static String notFound(int id) {
        return "node " + id + " not found";
    }

    static String notASynth(int id) {
        return "node " + id + " is a group, not a synth";
    }

    /** Why {@link NodeTree#insert} refused ({@code result}, not OK). */
    static String insertFailed(int result, int id, int target, int addAction, int capacity) {
        return switch (result) {
            case NodeTree.ID_IN_USE -> "node id " + id + " already in use";
            case NodeTree.NO_TARGET -> "target node " + target + " not found";
            case NodeTree.FULL -> "the node tree is full: " + capacity + " nodes (maxNodes, the root group included)";
            case NodeTree.TARGET_NOT_GROUP -> "target node " + target + " is not a group (add action " + addAction
                    + " needs a group)";
            default -> "cannot add before or after the root group";
        };
    }
}
