package la.methc.itests;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OSC 1.0 bytes written by hand from the specification, without the engine's codec or JavaOSC: a check of the
 * engine against an encoder it does not share. Strings are NUL-terminated and padded with NULs to 4 bytes; int32
 * and time tags big-endian; a bundle is "#bundle", an NTP time tag, then size-prefixed elements; over TCP every
 * packet is prefixed by its int32 size.
 */
final class RawOsc {

    /** The immediate time tag: 63 zero bits and a one. */
    static final long IMMEDIATE = 1L;

    private RawOsc() {
    }

    /** A message of int32 ({@code Integer}) and string ({@code String}) arguments. */
    static byte[] message(String address, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, address);
        StringBuilder tags = new StringBuilder(",");
        for (Object a : args) {
            tags.append(a instanceof Integer ? 'i' : 's');
        }
        string(out, tags.toString());
        for (Object a : args) {
            if (a instanceof Integer i) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(i).array());
            } else {
                string(out, (String) a);
            }
        }
        return out.toByteArray();
    }

    static byte[] bundle(long timeTag, List<byte[]> elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, "#bundle");
        out.writeBytes(ByteBuffer.allocate(8).putLong(timeTag).array());
        for (byte[] e : elements) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(e.length).array());
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    /** {@code packet} framed for TCP: its int32 size, then its bytes. */
    static byte[] frame(byte[] packet) {
        return ByteBuffer.allocate(4 + packet.length).putInt(packet.length).put(packet).array();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(b);
        out.writeBytes(new byte[4 - b.length % 4]); // the terminator and the padding
    }

    /** A reply read back: its address and, for the messages the tests look at, its first int32 argument. */
    record Reply(String address, int firstInt) {
    }

    /** Reads one size-prefixed packet from a TCP stream: its address and its first {@code i} argument (or 0). */
    static Reply read(DataInputStream in) throws IOException {
        byte[] p = new byte[in.readInt()];
        in.readFully(p);
        int end = 0;
        while (p[end] != 0) {
            end++;
        }
        String address = new String(p, 0, end, StandardCharsets.US_ASCII);
        int tags = (end / 4 + 1) * 4;
        int tagsEnd = tags;
        while (p[tagsEnd] != 0) {
            tagsEnd++;
        }
        int first = 0;
        if (tagsEnd > tags + 1 && p[tags + 1] == 'i') {
            first = ByteBuffer.wrap(p, (tagsEnd / 4 + 1) * 4, 4).getInt();
        }
        return new Reply(address, first);
    }
}
