package la.methc.osc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import la.methc.osc.OscCodec.BadPacketException;

/**
 * The strict OSC 1.0 framing checks a packet passes before JavaOSC parses it: bundle headers and element sizes,
 * nesting depth, addresses and type tag strings, and NUL-only padding after every string. Network threads.
 */
final class PacketCheck {

    private static final byte[] BUNDLE_TAG = "#bundle\0".getBytes(StandardCharsets.US_ASCII);

    private PacketCheck() {
    }

    /** Checks framing, addresses and type tags of a packet starting at index 0 of {@code in}. */
    static void check(ByteBuffer in, int depth) throws BadPacketException {
        if (isBundle(in)) {
            checkBundle(in, depth);
        } else {
            checkMessage(in);
        }
    }

    static boolean isBundle(ByteBuffer in) {
        if (in.limit() < BUNDLE_TAG.length) {
            return false;
        }
        for (int k = 0; k < BUNDLE_TAG.length; k++) {
            if (in.get(k) != BUNDLE_TAG[k]) {
                return false;
            }
        }
        return true;
    }

    private static void checkBundle(ByteBuffer in, int depth) throws BadPacketException {
        if (depth >= OscCodec.MAX_BUNDLE_DEPTH) {
            throw new BadPacketException("bundles nested deeper than " + OscCodec.MAX_BUNDLE_DEPTH);
        }
        int end = in.limit();
        if (end < 16) {
            throw new BadPacketException("bundle of " + end + " bytes has no room for its time tag");
        }
        int at = 16;
        int element = 0;
        while (at < end) {
            if (end - at < 4) {
                throw new BadPacketException("bundle element " + element + " has a truncated size");
            }
            int size = in.getInt(at);
            at += 4;
            if (size <= 0) {
                throw new BadPacketException("bundle element " + element + " has size " + size);
            }
            if (size % 4 != 0) {
                throw new BadPacketException("bundle element " + element + " size " + size + " is not a multiple of 4");
            }
            if (size > end - at) {
                throw new BadPacketException("bundle element " + element + " size " + size + " exceeds the "
                        + (end - at) + " bytes left in the bundle");
            }
            ByteBuffer sub = in.duplicate();
            sub.position(at).limit(at + size);
            check(sub.slice(), depth + 1);
            at += size;
            element++;
        }
    }

    private static void checkMessage(ByteBuffer in) throws BadPacketException {
        int end = in.limit();
        int addressEnd = stringEnd(in, 0);
        if (in.get(0) != '/') {
            throw new BadPacketException("not an OSC message or bundle: '"
                    + printable(in, 0, addressEnd < 0 ? end : addressEnd) + "' does not start with '/'");
        }
        if (addressEnd < 0) {
            throw new BadPacketException("address is not terminated");
        }
        int tagsAt = aligned(addressEnd + 1);
        checkPadding(in, 0, addressEnd, "address ");
        if (tagsAt >= end) {
            return; // no type tag string: no arguments (old OSC; JavaOSC accepts it)
        }
        if (in.get(tagsAt) != ',') {
            throw new BadPacketException("no type tag string after the address " + printable(in, 0, addressEnd));
        }
        int tagsEnd = stringEnd(in, tagsAt);
        if (tagsEnd < 0) {
            throw new BadPacketException("type tag string is not terminated");
        }
        checkPadding(in, tagsAt, tagsEnd, "type tag string ");
        int depth = 0;
        for (int k = tagsAt + 1; k < tagsEnd; k++) {
            char tag = (char) (in.get(k) & 0xff);
            if (tag == '[') {
                if (++depth > 1) {
                    throw new BadPacketException("nested OSC arrays are not supported (type tags ,"
                            + printable(in, tagsAt + 1, tagsEnd) + ")");
                }
            } else if (tag == ']') {
                if (--depth < 0) {
                    throw new BadPacketException("unmatched ']' in type tags ," + printable(in, tagsAt + 1, tagsEnd));
                }
            } else if (!OscCodec.KNOWN_TAGS.contains(tag)) {
                throw new BadPacketException("unsupported type tag '" + (tag >= 0x20 && tag < 0x7f ? String.valueOf(tag)
                        : String.format("\\x%02x", (int) tag)) + "' in ," + printable(in, tagsAt + 1, tagsEnd));
            }
        }
        if (depth != 0) {
            throw new BadPacketException("unclosed '[' in type tags ," + printable(in, tagsAt + 1, tagsEnd));
        }
    }

    /** The padding after the terminating 0 at {@code end} of the string at {@code from} must be NUL bytes too. */
    private static void checkPadding(ByteBuffer in, int from, int end, String what) throws BadPacketException {
        for (int k = end + 1; k < aligned(end + 1) && k < in.limit(); k++) {
            if (in.get(k) != 0) {
                throw new BadPacketException(paddingReason(what + printable(in, from, end), in.get(k)));
            }
        }
    }

    static String paddingReason(String what, byte b) {
        return what + " has " + String.format("\\x%02x", b & 0xff) + " in its padding (only NUL bytes may follow "
                + "a string's terminator)";
    }

    /** Index of the terminating 0 of the string at {@code from}, or -1. */
    private static int stringEnd(ByteBuffer in, int from) {
        for (int k = from; k < in.limit(); k++) {
            if (in.get(k) == 0) {
                return k;
            }
        }
        return -1;
    }

    private static int aligned(int index) {
        return (index + 3) & ~3;
    }

    static String printable(ByteBuffer in, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to && b.length() < 64; k++) {
            int c = in.get(k) & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ serializing
}
