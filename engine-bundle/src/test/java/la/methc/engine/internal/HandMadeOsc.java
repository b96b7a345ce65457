package la.methc.engine.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * OSC packets written byte by byte from the OSC 1.0 specification, without JavaOSC: what sclang, liblo or
 * python-osc put on the wire, so that the engine is tested against the specification rather than its own codec.
 */
final class HandMadeOsc {

    /** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01 (Unix's). */
    static final long NTP_UNIX_OFFSET = 2_208_988_800L;

    private HandMadeOsc() {
    }

    /**
     * A time tag: 32 bits of seconds since 1900-01-01, then 32 bits of fraction (units of 2^-32 s), big-endian.
     * {@code fraction} in [0, 1).
     */
    static byte[] timeTag(long unixSeconds, double fraction) {
        long seconds = unixSeconds + NTP_UNIX_OFFSET;
        long units = (long) Math.floor(fraction * 4294967296.0);
        return new byte[] {(byte) (seconds >>> 24), (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds,
            (byte) (units >>> 24), (byte) (units >>> 16), (byte) (units >>> 8), (byte) units};
    }

    /** The time tag "immediately": 63 zero bits, then a 1. */
    static byte[] immediately() {
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 1};
    }

    /** A message of {@code Integer} ({@code i}) and {@code String} ({@code s}, bytes as ISO-8859-1) arguments. */
    static byte[] message(String address, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, address);
        StringBuilder tags = new StringBuilder(",");
        for (Object a : args) {
            tags.append(a instanceof Integer ? 'i' : 's');
        }
        string(out, tags.toString());
        for (Object a : args) {
            if (a instanceof Integer n) {
                out.write(n >>> 24);
                out.write(n >>> 16);
                out.write(n >>> 8);
                out.write(n);
            } else {
                string(out, (String) a);
            }
        }
        return out.toByteArray();
    }

    /** {@code #bundle}, the time tag, then each element with its int32 size. */
    static byte[] bundle(byte[] timeTag, byte[]... elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, "#bundle");
        out.writeBytes(timeTag);
        for (byte[] e : elements) {
            out.write(e.length >>> 24);
            out.write(e.length >>> 16);
            out.write(e.length >>> 8);
            out.write(e.length);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    /** The bytes, a terminating NUL, and NULs up to a multiple of 4. */
    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(b);
        for (int k = b.length; k < ((b.length + 4) & ~3); k++) {
            out.write(0);
        }
    }
}
