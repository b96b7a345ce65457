package la.methc.engine.internal;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.osc.Client;

/**
 * One OSC message being turned into commands on a network thread: its sender and arguments, and the commands of
 * the message or bundle it belongs to, which go to RT together (ADR 0012).
 */
final class Request {

    /** The commands of one message or bundle on their way to RT as one request, and their time. */
    static final class Intake {
        final long time;
        /** The first command; the others of a bundle in {@link #more} (a plain message allocates no list). */
        Command first;
        List<Command> more;

        Intake(long time) {
            this.time = time;
        }

        void add(Command c) {
            if (first == null) {
                first = c;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                    more.add(first);
                }
                more.add(c);
            }
        }
    }

    final String address;
    final List<Object> args;
    final Client from;
    private final Intake intake;

    Request(OSCMessage message, Client from, Intake intake) {
        address = message.getAddress();
        args = message.getArguments();
        this.from = from;
        this.intake = intake;
    }

    /** The {@code int} argument at {@code index} (the type tags were checked). */
    int i(int index) {
        return (Integer) args.get(index);
    }

    /** The id an {@code /error} names: the first argument if it is an {@code i}, else -1. */
    int firstId() {
        return !args.isEmpty() && args.get(0) instanceof Integer n ? n : -1;
    }

    /** Adds {@code c} to what goes to RT for this message's packet. */
    void submit(Command c) {
        intake.add(c);
    }

    /** {@code /error s:address i:id s:reason} to the sender, at once. */
    void error(int id, String reason) {
        OscDispatcher.error(from, address, id, reason);
    }

    /** A reply to the sender, at once, from the network thread. */
    void reply(String replyAddress, Object... args) {
        from.send(new OSCMessage(replyAddress, List.of(args)));
    }
}
