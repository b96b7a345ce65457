package la.methc.bench;

import java.nio.charset.StandardCharsets;

/**
 * Reading OSC packets straight from their bytes, without decoding them: the elements of a bundle, and whether a
 * message is a given address with a given first {@code int32} argument. A flood's client must read replies at
 * least as fast as a server writes them (a server may drop a TCP client whose replies pile up); decoding every
 * answer with the codec made the client the slower side.
 */
final class OscPeek {

    /** Receives one message of a packet: {@code bytes[offset, offset + length)}. */
    interface MessageSink {
        void message(byte[] bytes, int offset, int length);
    }

    private static final byte[] BUNDLE = "#bundle\0".getBytes(StandardCharsets.US_ASCII);

    private OscPeek() {
    }

    /** {@code address} as OSC encodes it: its bytes, a NUL and NULs up to a multiple of 4. */
    static byte[] paddedAddress(String address) {
        byte[] a = address.getBytes(StandardCharsets.US_ASCII);
        byte[] p = new byte[(a.length + 4) & ~3];
        System.arraycopy(a, 0, p, 0, a.length);
        return p;
    }

    /** Whether {@code bytes[offset, offset + length)} starts with the bundle marker. */
    static boolean isBundle(byte[] bytes, int offset, int length) {
        return length >= 16 && startsWith(bytes, offset, BUNDLE);
    }

    /**
     * Hands every message of a packet to {@code sink}, bundles (nested too) taken apart in order. An element
     * whose size runs past its bundle ends the walk of that bundle.
     */
    static void forEachMessage(byte[] bytes, int offset, int length, MessageSink sink) {
        if (!isBundle(bytes, offset, length)) {
            sink.message(bytes, offset, length);
            return;
        }
        int end = offset + length;
        int p = offset + 16;
        while (p + 4 <= end) {
            int size = int32(bytes, p);
            if (size < 0 || size > end - p - 4) {
                return;
            }
            forEachMessage(bytes, p + 4, size, sink);
            p += 4 + size;
        }
    }

    /**
     * Whether the message {@code bytes[offset, offset + length)} has the address {@code padded} (see
     * {@link #paddedAddress}) and an {@code int32} first argument equal to {@code first}.
     */
    static boolean matches(byte[] bytes, int offset, int length, byte[] padded, int first) {
        int end = offset + length;
        int tags = offset + padded.length;
        if (tags + 4 > end || !startsWith(bytes, offset, padded) || bytes[tags] != ',' || bytes[tags + 1] != 'i') {
            return false;
        }
        int t = tags + 2;
        while (t < end && bytes[t] != 0) {
            t++;
        }
        int args = tags + ((t - tags + 4) & ~3);
        return args + 4 <= end && int32(bytes, args) == first;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (offset + prefix.length > bytes.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (bytes[offset + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    static int int32(byte[] b, int p) {
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
    }
}
