package la.methc.itests;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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

    /** The raw 64-bit time tag of {@code t}, for JavaOSC's {@code OSCTimeTag64.valueOf(long)}. */
    static long ntp(Instant t) {
        return (t.getEpochSecond() + NTP_UNIX_OFFSET) << 32 | ((long) t.getNano() << 32) / 1_000_000_000L;
    }

    /** The time tag "immediately": 63 zero bits, then a 1. */
    static byte[] immediately() {
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 1};
    }

    /**
     * A message of {@code Integer} ({@code i}), {@code Float} ({@code f}), {@code String} ({@code s}, bytes as
     * ISO-8859-1) and {@code List} (an array, {@code [ … ]}) arguments.
     */
    static byte[] message(String address, Object... args) {
        StringBuilder tags = new StringBuilder(",");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        arguments(Arrays.asList(args), tags, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, address);
        string(out, tags.toString());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    private static void arguments(List<?> args, StringBuilder tags, ByteArrayOutputStream data) {
        for (Object a : args) {
            if (a instanceof Integer n) {
                tags.append('i');
                int32(data, n);
            } else if (a instanceof Float f) {
                tags.append('f');
                int32(data, Float.floatToIntBits(f));
            } else if (a instanceof String s) {
                tags.append('s');
                string(data, s);
            } else if (a instanceof List<?> l) {
                tags.append('[');
                arguments(l, tags, data);
                tags.append(']');
            } else {
                throw new IllegalArgumentException(String.valueOf(a));
            }
        }
    }

    private static void int32(ByteArrayOutputStream out, int n) {
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
    }

    /** {@code #bundle}, the time tag, then each element with its int32 size. */
    static byte[] bundle(byte[] timeTag, byte[]... elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, "#bundle");
        out.writeBytes(timeTag);
        for (byte[] e : elements) {
            int32(out, e.length);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    /** {@code packet} framed for TCP: its int32 size, then its bytes. */
    static byte[] frame(byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int32(out, packet.length);
        out.writeBytes(packet);
        return out.toByteArray();
    }

    /** The address of a packet read back (what comes before its first NUL), or null for none. */
    static String address(byte[] packet) {
        if (packet == null) {
            return null;
        }
        int end = 0;
        while (end < packet.length && packet[end] != 0) {
            end++;
        }
        return new String(packet, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The first argument of a packet read back if it is an {@code i}, else 0. */
    static int firstInt(byte[] packet) {
        int tags = (address(packet).length() / 4 + 1) * 4;
        int end = tags;
        while (packet[end] != 0) {
            end++;
        }
        if (end == tags + 1 || packet[tags + 1] != 'i') {
            return 0;
        }
        int at = (end / 4 + 1) * 4;
        return (packet[at] & 0xff) << 24 | (packet[at + 1] & 0xff) << 16 | (packet[at + 2] & 0xff) << 8
                | (packet[at + 3] & 0xff);
    }

    /**
     * The arguments of a message read back, decoded byte by byte from the OSC 1.0 specification: {@code i}
     * (Integer), {@code f} (Float), {@code s} (String, UTF-8), {@code h} (Long), {@code d} (Double).
     */
    static List<Object> arguments(byte[] packet) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(packet);
        readString(b); // the address
        String tags = readString(b);
        if (!tags.startsWith(",")) {
            throw new IllegalArgumentException("no type tags in " + text(packet));
        }
        List<Object> args = new java.util.ArrayList<>();
        for (char t : tags.substring(1).toCharArray()) {
            args.add(switch (t) {
                case 'i' -> b.getInt();
                case 'f' -> b.getFloat();
                case 's' -> readString(b);
                case 'h' -> b.getLong();
                case 'd' -> b.getDouble();
                default -> throw new IllegalArgumentException("type tag " + t + " in " + text(packet));
            });
        }
        if (b.hasRemaining()) {
            throw new IllegalArgumentException(b.remaining() + " bytes after the arguments of " + text(packet));
        }
        return args;
    }

    /** A string at the buffer's position: bytes up to a NUL, then the padding to a multiple of 4, all NULs. */
    private static String readString(java.nio.ByteBuffer b) {
        int start = b.position();
        int end = start;
        while (b.get(end) != 0) {
            end++;
        }
        String s = new String(b.array(), start, end - start, StandardCharsets.UTF_8);
        int next = (end + 4) & ~3;
        for (int k = end; k < next; k++) {
            if (b.get(k) != 0) {
                throw new IllegalArgumentException("padding of \"" + s + "\" holds " + b.get(k));
            }
        }
        b.position(next);
        return s;
    }

    /** Reads one size-prefixed packet from a TCP stream. */
    static byte[] read(DataInputStream in) throws IOException {
        byte[] p = new byte[in.readInt()];
        in.readFully(p);
        return p;
    }

    /** Readable enough for an assertion message: NULs as spaces. */
    static String text(byte[] packet) {
        return new String(packet, StandardCharsets.ISO_8859_1).replace('\0', ' ').replaceAll(" +", " ").trim();
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
