package la.methc.engine.internal.notify;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.osc.Client;
import la.methc.osc.OscCodec;
import la.methc.engine.internal.tree.TreeSnapshot;

/**
 * Builds {@code /group/queryTree.reply i:id i:numChildren} then, depth first, {@code i:id i:numChildren s:uri} per
 * node from a {@link TreeSnapshot}, on the notifier. A tree whose reply does not fit one packet for its client (a
 * UDP datagram, 65,507 bytes, some 1,300 synths of the bundled plugins; a TCP packet, 1 MiB) is answered with an {@code /error} that
 * says so: the reply is never split, so that a client reads the tree of one block.
 */
final class TreeReply {

    static final String ADDRESS = "/group/queryTree";

    private TreeReply() {
    }

    static OSCMessage message(TreeSnapshot s, Client client) {
        if (s.count() < s.total()) {
            return tooLarge(s, client, s.total() + " nodes below group " + s.groupId() + " are more than one reply holds ("
                    + TreeSnapshot.MAX_NODES + ")");
        }
        List<Object> args = new ArrayList<>(2 + 3 * s.count());
        args.add(s.groupId());
        args.add(s.groupChildren());
        for (int i = 0; i < s.count(); i++) {
            args.add(s.id(i));
            args.add(s.numChildren(i));
            String uri = s.uri(i);
            args.add(uri == null ? "" : uri);
        }
        OSCMessage reply = new OSCMessage(ADDRESS + ".reply", args);
        int size;
        try {
            size = OscCodec.encode(reply).remaining();
        } catch (IllegalArgumentException e) {
            size = Integer.MAX_VALUE;
        }
        if (size > client.maxPacketSize()) {
            return tooLarge(s, client, "the reply for the " + s.count() + " nodes below group " + s.groupId() + " takes "
                    + (size == Integer.MAX_VALUE ? "more than " + OscCodec.MAX_PACKET_SIZE : String.valueOf(size))
                    + " bytes, more than " + client.describe() + " takes in one packet (" + client.maxPacketSize()
                    + ")");
        }
        return reply;
    }

    private static OSCMessage tooLarge(TreeSnapshot s, Client client, String why) {
        boolean tcpHelps = s.count() == s.total() && client.maxPacketSize() < OscCodec.MAX_PACKET_SIZE;
        return new OSCMessage("/error", List.of(ADDRESS, s.groupId(), why + ": query a group further down"
                + (tcpHelps ? ", or over TCP" : "")));
    }
}
