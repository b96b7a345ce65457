package la.methc.osc;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCMessageInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The common packet decoded without JavaOSC's parser, which spends about a kilobyte of garbage on a
 * {@code /node/set} (a charset decoder per string, a view buffer per number): a <em>plain</em> message, i.e.
 * not a bundle, with an address of printable ASCII that JavaOSC accepts as it is, a type tag string, only
 * {@code i f h d} and ASCII {@code s} arguments, nothing but NUL bytes in the padding of its strings, and no byte
 * after the last argument. Addresses and type tags come from {@link AsciiCache}s. Anything else is left to
 * {@link OscCodec}'s full path: this decoder never rejects a packet, so every malformed one gets the full path's
 * reason, and the message it makes is the one JavaOSC would. Thread-safe.
 */
final class PlainMessageDecoder {

    /** The smallest plain message: a one-character address and an empty type tag string. */
    private static final int MIN_SIZE = 8;

    private static final AsciiCache<String> ADDRESSES = new AsciiCache<>(a -> a);
    /** Type tags without the ',', as JavaOSC records them; the info object is immutable, so it is shared. */
    private static final AsciiCache<OSCMessageInfo> TAGS = new AsciiCache<>(OSCMessageInfo::new);

    private PlainMessageDecoder() {
    }

    /**
     * The plain message from index {@code from} to {@code to} of {@code in} (neither position nor order is
     * used), or null when the packet is anything else. The message does not alias the buffer.
     */
    static OSCMessage decode(ByteBuffer in, int from, int to) {
        int size = to - from;
        if (size < MIN_SIZE || size % 4 != 0 || in.get(from) != '/') {
            return null;
        }
        int addressEnd = addressEnd(in, from, to);
        if (addressEnd < 0) {
            return null;
        }
        int tagsAt = from + aligned(addressEnd + 1 - from);
        if (tagsAt >= to || !zeros(in, addressEnd + 1, tagsAt) || in.get(tagsAt) != ',') {
            return null;
        }
        int tagsEnd = tagsEnd(in, tagsAt + 1, to);
        if (tagsEnd < 0) {
            return null;
        }
        int at = from + aligned(tagsEnd + 1 - from);
        if (!zeros(in, tagsEnd + 1, Math.min(at, to))) {
            return null;
        }
        List<Object> arguments = new ArrayList<>(tagsEnd - tagsAt - 1);
        for (int t = tagsAt + 1; t < tagsEnd; t++) {
            byte tag = in.get(t);
            if (tag == 's') {
                int end = stringEnd(in, at, to);
                if (end < 0) {
                    return null;
                }
                int next = from + aligned(end + 1 - from);
                if (!zeros(in, end + 1, Math.min(next, to))) {
                    return null;
                }
                byte[] ascii = new byte[end - at];
                in.get(at, ascii);
                arguments.add(new String(ascii, StandardCharsets.US_ASCII));
                at = next;
                continue;
            }
            int width = tag == 'i' || tag == 'f' ? 4 : 8;
            if (to - at < width) {
                return null;
            }
            switch (tag) {
                case 'i' -> arguments.add(int32(in, at));
                case 'f' -> arguments.add(Float.intBitsToFloat(int32(in, at)));
                case 'h' -> arguments.add(int64(in, at));
                default -> arguments.add(Double.longBitsToDouble(int64(in, at))); // 'd', see tagsEnd
            }
            at += width;
        }
        if (at != to) {
            return null;
        }
        return new OSCMessage(ADDRESSES.get(in, from, addressEnd), arguments, TAGS.get(in, tagsAt + 1, tagsEnd));
    }

    /**
     * Index of the address's terminating 0, or -1 unless the address is printable ASCII that JavaOSC's
     * {@code OSCMessage.isValidAddress} accepts (none of {@code  #*,?[]{}} and no {@code //}) and short enough
     * for the {@link AsciiCache}.
     */
    private static int addressEnd(ByteBuffer in, int from, int to) {
        byte previous = 0;
        for (int k = from; k < to && k - from <= AsciiCache.MAX_LENGTH; k++) {
            byte c = in.get(k);
            if (c == 0) {
                return k;
            }
            if (c <= ' ' || c >= 0x7f || c == '#' || c == '*' || c == ',' || c == '?' || c == '[' || c == ']'
                    || c == '{' || c == '}' || c == '/' && previous == '/') {
                return -1;
            }
            previous = c;
        }
        return -1;
    }

    /** Index of the terminating 0 of type tags that are all {@code i f s h d} (and few enough to cache), or -1. */
    private static int tagsEnd(ByteBuffer in, int from, int to) {
        for (int k = from; k < to && k - from <= AsciiCache.MAX_LENGTH; k++) {
            byte c = in.get(k);
            if (c == 0) {
                return k;
            }
            if (c != 'i' && c != 'f' && c != 's' && c != 'h' && c != 'd') {
                return -1;
            }
        }
        return -1;
    }

    /** Index of the terminating 0 of an ASCII string at {@code from}, or -1. */
    private static int stringEnd(ByteBuffer in, int from, int to) {
        for (int k = from; k < to; k++) {
            byte c = in.get(k);
            if (c == 0) {
                return k;
            }
            if (c < 0) {
                return -1; // not ASCII: JavaOSC decodes it as UTF-8 (or refuses it)
            }
        }
        return -1;
    }

    /** Whether the bytes from {@code from} to {@code to} (a string's padding) are all NUL: else it is malformed. */
    private static boolean zeros(ByteBuffer in, int from, int to) {
        for (int k = from; k < to; k++) {
            if (in.get(k) != 0) {
                return false;
            }
        }
        return true;
    }

    private static int aligned(int offset) {
        return (offset + 3) & ~3;
    }

    /** Big-endian whatever the buffer's order, as OSC is. */
    private static int int32(ByteBuffer in, int at) {
        return (in.get(at) & 0xff) << 24 | (in.get(at + 1) & 0xff) << 16 | (in.get(at + 2) & 0xff) << 8
                | in.get(at + 3) & 0xff;
    }

    private static long int64(ByteBuffer in, int at) {
        return (long) int32(in, at) << 32 | int32(in, at + 4) & 0xffffffffL;
    }
}
