package la.methc.osc;

import com.illposed.osc.BytesReceiver;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCSerializer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * String ({@code s}) as UTF-8, strictly: the padding after the terminating NUL must be NUL bytes too. JavaOSC's
 * own handler skips the padding unread, so {@code "a\0b.wav"} became {@code "a"}; here it is a malformed packet.
 */
final class StrictStringHandler extends StatelessHandler<String> {

    StrictStringHandler() {
        super('s', String.class);
    }

    @Override
    public String parse(ByteBuffer input) throws OSCParseException {
        return parseStrict(input);
    }

    /** Reads the string at the position and its padding (aligned from index 0), leaving the position after them. */
    static String parseStrict(ByteBuffer input) throws OSCParseException {
        int start = input.position();
        int end = start;
        while (end < input.limit() && input.get(end) != 0) {
            end++;
        }
        int next = (end + 4) & ~3;
        if (end >= input.limit() || next > input.limit()) {
            throw new OSCParseException("truncated: a string runs past the end of its message", input);
        }
        for (int k = end + 1; k < next; k++) {
            if (input.get(k) != 0) {
                throw new OSCParseException(PacketCheck.paddingReason("string argument \""
                        + PacketCheck.printable(input, start, end) + "\"", input.get(k)), input);
            }
        }
        ByteBuffer bytes = input.duplicate();
        bytes.position(start).limit(end);
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(bytes);
        } catch (CharacterCodingException e) {
            throw new OSCParseException("Failed decoding a string argument", e, input);
        }
        input.position(next);
        return text.toString();
    }

    @Override
    public void serialize(BytesReceiver output, String value) {
        output.put(value.getBytes(StandardCharsets.UTF_8));
        OSCSerializer.terminateAndAlign(output);
    }
}
