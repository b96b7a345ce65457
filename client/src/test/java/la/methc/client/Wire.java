package la.methc.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * OSC bytes written by hand from the OSC 1.0 specification, without JavaOSC or the shared codec: strings NUL
 * terminated and padded to 4 bytes, int32 and float32 big-endian, arrays between {@code [} and {@code ]}.
 */
final class Wire {

    private Wire() {
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < bytes.length; k++) {
            b.append(String.format("%02x", bytes[k]));
            if (k % 4 == 3 && k + 1 < bytes.length) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** A message of Integer, Float, String and List (array) arguments. */
    static byte[] message(String address, Object... args) {
        StringBuilder tags = new StringBuilder(",");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        args(List.of(args), tags, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, address);
        string(out, tags.toString());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    private static void args(List<?> args, StringBuilder tags, ByteArrayOutputStream data) {
        for (Object a : args) {
            if (a instanceof Integer i) {
                tags.append('i');
                int32(data, i);
            } else if (a instanceof Float f) {
                tags.append('f');
                int32(data, Float.floatToIntBits(f));
            } else if (a instanceof String s) {
                tags.append('s');
                string(data, s);
            } else if (a instanceof List<?> l) {
                tags.append('[');
                args(l, tags, data);
                tags.append(']');
            } else {
                throw new IllegalArgumentException(String.valueOf(a));
            }
        }
    }

    static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(b);
        int pad = 4 - b.length % 4; // at least one NUL
        for (int k = 0; k < pad; k++) {
            out.write(0);
        }
    }

    static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
