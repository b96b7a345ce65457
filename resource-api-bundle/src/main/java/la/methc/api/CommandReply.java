package la.methc.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The OSC message a {@link CommandTask} answers with instead of {@code /done}, e.g.
 * {@code /buffer/onsets.reply i:id i:frame…}.
 *
 * @param address an OSC address
 * @param args    the arguments, as OSC values: Integer, Float, String, Long, Double, Boolean, byte[] or null
 *                (copied)
 */
public record CommandReply(String address, List<Object> args) {

    public CommandReply {
        Objects.requireNonNull(address, "address");
        // List.copyOf rejects null elements, but OSC has nil arguments
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static CommandReply of(String address, Object... args) {
        return new CommandReply(address, java.util.Arrays.asList(args));
    }
}
