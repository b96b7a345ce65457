package la.methc.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain-message shortcut of {@link OscCodec#decode}: it takes the messages it should, and whatever it takes
 * or leaves, {@code decode} answers exactly as the full JavaOSC path ({@link OscCodec#decodeWithJavaOsc}) does:
 * the same packet, or the same reason for a malformed one.
 */
class PlainMessageDecoderTest {

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static OSCMessage plain(byte[] b) {
        return PlainMessageDecoder.decode(ByteBuffer.wrap(b), 0, b.length);
    }

    private interface Decoder {
        OSCPacket decode(ByteBuffer b) throws OscCodec.BadPacketException;
    }

    /** What a decoder makes of {@code b}: the packet in full (types, type tags, values) or its reason. */
    private static String outcome(Decoder d, byte[] b) {
        try {
            return describe(d.decode(ByteBuffer.wrap(b)));
        } catch (OscCodec.BadPacketException e) {
            return "bad packet: " + e.getMessage();
        } catch (RuntimeException e) {
            return "threw " + e;
        }
    }

    private static String describe(OSCPacket p) {
        if (p instanceof OSCBundle b) {
            StringBuilder s = new StringBuilder("#bundle ").append(b.getTimestamp().getNtpTime()).append(" [");
            for (OSCPacket q : b.getPackets()) {
                s.append(describe(q)).append("; ");
            }
            return s.append(']').toString();
        }
        OSCMessage m = (OSCMessage) p;
        return m.getAddress() + " ," + (m.isInfoSet() ? m.getInfo().getArgumentTypeTags() : "(no info)") + " "
                + describe(m.getArguments());
    }

    private static String describe(List<?> args) {
        StringBuilder s = new StringBuilder("(");
        for (Object a : args) {
            if (a instanceof List<?> l) {
                s.append(describe(l));
            } else if (a instanceof ByteBuffer bb) {
                byte[] copy = new byte[bb.remaining()];
                bb.duplicate().get(copy);
                s.append("blob:").append(Arrays.toString(copy));
            } else if (a == null) {
                s.append("null");
            } else {
                s.append(a.getClass().getSimpleName()).append(':').append(a);
            }
            s.append(' ');
        }
        return s.append(')').toString();
    }

    private static void assertSameOutcome(byte[] b) {
        assertEquals(outcome(OscCodec::decodeWithJavaOsc, b), outcome(OscCodec::decode, b),
                () -> "packet " + Arrays.toString(b));
    }

    @Test
    void plainMessagesTakeTheShortcutAndEqualWhatJavaOscMakes() {
        List<OSCMessage> messages = new ArrayList<>(List.of(
                new OSCMessage("/node/set", List.of(1000, 0, 440f)),
                new OSCMessage("/node/set", List.of(-1, Integer.MIN_VALUE, Float.NaN)),
                new OSCMessage("/node/set", List.of(1, 2, -0f)),
                new OSCMessage("/sync", List.of(7)),
                new OSCMessage("/status"),
                new OSCMessage("/h", List.of(Long.MIN_VALUE, 64L)),
                new OSCMessage("/d", List.of(1.5d, Double.NEGATIVE_INFINITY)),
                new OSCMessage("/synth/new-ish_1.x", List.of("http://methc.la/plugins/sine", 1, 2L, 3f, 4d, "")),
                new OSCMessage("/ctl\u0001", List.of("tab\there", "\u007f"))));
        for (int n = 0; n <= 8; n++) {
            messages.add(new OSCMessage("/" + "a".repeat(n + 1), List.of("s".repeat(n), n)));
        }
        for (OSCMessage m : messages) {
            byte[] b = OscCodec.toBytes(m);
            if (m.getAddress().startsWith("/ctl")) {
                assertNull(plain(b), "a control character in an address is left to JavaOSC");
            } else {
                assertNotNull(plain(b), m.getAddress());
            }
            assertSameOutcome(b);
        }
    }

    @Test
    void everythingElseIsLeftToJavaOscWithItsReasons() {
        List<byte[]> others = List.of(
                OscCodec.toBytes(new OSCBundle(List.of(new OSCMessage("/a", List.of(1))))),
                OscCodec.toBytes(new OSCMessage("/blob", List.of(new byte[] {1, 2}))),
                OscCodec.toBytes(new OSCMessage("/array", List.of(List.of(1f, 2f)))),
                OscCodec.toBytes(new OSCMessage("/tfn", Arrays.asList(true, false, null))),
                OscCodec.toBytes(new OSCMessage("/utf8", List.of("é"))),
                OscCodec.toBytes(new OSCMessage("/" + "x".repeat(80), List.of(1))),
                raw("/a b\0,i\0\0\0\0\0\1"), // JavaOSC refuses these addresses
                raw("/a*\0,i\0\0\0\0\0\1"),
                raw("//a\0,i\0\0\0\0\0\1"),
                raw("/a#\0,i\0\0\0\0\0\1"),
                raw("/{a}\0\0\0\0,i\0\0\0\0\0\1"),
                raw("/a\u00e9\0,i\0\0\0\0\0\1"),
                raw("/a\0\0"), // no type tag string
                raw("/a\0\0,\0\0\0\0\0\0\1"), // a byte after the last argument
                raw("/a\0\0,i\0\0\0\0\0"), // truncated
                raw("/a\0\0,s\0\0abcd"), // unterminated string
                raw("/a\0\0,ix\0"), // unknown type tag
                raw("/ab\0,"), // size
                raw("abc\0,\0\0\0"),
                new byte[0]);
        for (byte[] b : others) {
            assertNull(plain(b), () -> new String(b, StandardCharsets.ISO_8859_1));
            assertSameOutcome(b);
        }
    }

    /**
     * A string (address, type tags, {@code s} or {@code S} argument) with anything but NUL bytes in its padding makes
     * the packet malformed on both paths; the bytes are written by hand, as another client would send them.
     */
    @Test
    void garbageInAStringsPaddingIsMalformedOnBothPaths() {
        String write = "/buffer/write\0\0\0,is\0\0\0\0\15"; // i:13
        List<String> bad = List.of(
                "/a\0b,i\0\0\0\0\0\1", // address "/a", then 'b' in its padding
                "/abcde\0\u0001,i\0\0\0\0\0\1", // a control character in the padding
                "/a\0\0,i\0x\0\0\0\1", // type tags ",i", then 'x'
                "/a\0\0,s\0\0a\0b\0", // an s argument "a", then 'b'
                write + "a\0b.wav\0", // /buffer/write i:13 s:"a\0b.wav"
                write + "abcd\0\0\0\u0080", // a byte with the high bit
                "/a\0\0,S\0\0a\0\0.", // a symbol
                "#bundle\0\0\0\0\0\0\0\0\1\0\0\0\14/a\0\0,s\0\0a\0b\0"); // in a bundle
        for (String text : bad) {
            byte[] b = raw(text);
            assertNull(plain(b), text);
            for (Decoder d : List.<Decoder>of(OscCodec::decode, OscCodec::decodeWithJavaOsc)) {
                String outcome = outcome(d, b);
                assertTrue(outcome.startsWith("bad packet: ") && outcome.contains(" in its padding (only NUL bytes"),
                        text + ": " + outcome);
            }
        }
        assertEquals("bad packet: string argument \"a\" has \\x62 in its padding (only NUL bytes may follow a string's "
                + "terminator)", outcome(OscCodec::decode, raw(write + "a\0b.wav\0")));
        assertTrue(outcome(OscCodec::decode, raw("/a\0b,i\0\0\0\0\0\1")).startsWith("bad packet: address /a has \\x62"));
        assertTrue(outcome(OscCodec::decode, raw("/a\0\0,i\0x\0\0\0\1")).startsWith(
                "bad packet: type tag string ,i has \\x78"));
        // strings of every length with NUL padding are still taken, on both paths
        for (int n = 0; n <= 8; n++) {
            String text = "s".repeat(n);
            byte[] b = raw(write + text + "\0".repeat(4 - n % 4));
            assertNotNull(plain(b), text);
            assertEquals("/buffer/write ,is (Integer:13 String:" + text + " )", outcome(OscCodec::decode, b));
            assertSameOutcome(b);
        }
    }

    /** Plain messages with every type the shortcut takes, and some it does not, for the fuzzer to mutate. */
    private static final class PlainCorpus implements OscFuzzer.Corpus {
        private static final String[] ADDRESSES = {"/node/set", "/sync", "/status", "/a", "/ab", "/abc", "/abcd",
            "/synth/new", "/x/y-z_0.9"};

        @Override
        public OSCMessage message(Random r) {
            List<Object> args = new ArrayList<>();
            for (int n = r.nextInt(6); n > 0; n--) {
                args.add(switch (r.nextInt(r.nextInt(8) == 0 ? 10 : 6)) {
                    case 0 -> r.nextInt();
                    case 1 -> r.nextFloat() * 1000;
                    case 2 -> "s".repeat(r.nextInt(9));
                    case 3 -> r.nextLong();
                    case 4 -> r.nextDouble();
                    case 5 -> r.nextInt(200) - 100;
                    case 6 -> "é";
                    case 7 -> new byte[r.nextInt(5)];
                    case 8 -> List.of(r.nextFloat());
                    default -> r.nextBoolean();
                });
            }
            return new OSCMessage(ADDRESSES[r.nextInt(ADDRESSES.length)], args);
        }

        @Override
        public OSCTimeTag64 time(Random r) {
            return OSCTimeTag64.IMMEDIATE;
        }
    }

    @Test
    void fuzzedPacketsDecodeExactlyAsJavaOscDecodesThem() {
        OscFuzzer fuzzer = new OscFuzzer(0x9E7_0000L, new PlainCorpus());
        int shortcuts = 0;
        int packets = 60_000;
        for (int k = 0; k < packets; k++) {
            byte[] b = fuzzer.next().bytes();
            if (plain(b) != null) {
                shortcuts++;
            }
            assertSameOutcome(b);
        }
        // the mutations leave a good share plain, so the shortcut is compared on many
        assertTrue(shortcuts > packets / 10, shortcuts + " of " + packets + " took the shortcut");
    }

    @Test
    void theBuffersPositionLimitAndOrderDoNotMatterAndItIsNotAliased() throws Exception {
        // at an offset that is not a multiple of 4: alignment counts from the packet's start
        byte[] m = OscCodec.toBytes(new OSCMessage("/node/set", List.of(3, "abcde", 220f, 7L)));
        ByteBuffer b = ByteBuffer.allocate(m.length + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.position(5);
        b.put(m);
        b.putInt(-1); // past the limit
        b.position(5).limit(5 + m.length);
        OSCMessage back = (OSCMessage) OscCodec.decode(b);
        assertNotNull(PlainMessageDecoder.decode(b, 5, 5 + m.length));
        assertEquals(5, b.position());
        assertEquals(5 + m.length, b.limit());
        assertEquals(List.of(3, "abcde", 220f, 7L), back.getArguments());
        Arrays.fill(b.array(), (byte) 0);
        assertEquals("/node/set", back.getAddress());
        assertEquals(List.of(3, "abcde", 220f, 7L), back.getArguments());
        assertEquals("isfh", back.getInfo().getArgumentTypeTags().toString());
    }

    @Test
    void aRepeatedAddressIsOneString() throws Exception {
        byte[] m = OscCodec.toBytes(new OSCMessage("/node/set", List.of(3, 0, 220f)));
        OSCMessage a = (OSCMessage) OscCodec.decode(m, 0, m.length);
        OSCMessage b = (OSCMessage) OscCodec.decode(m, 0, m.length);
        assertSame(a.getAddress(), b.getAddress());
        assertSame(a.getInfo(), b.getInfo());
    }

    @Test
    void threadsDecodingManyAddressesGetTheirOwn() throws Exception {
        OnThreads.run(4, id -> {
            // more addresses than the cache has slots: they collide and replace each other
            for (int k = 0; k < 20_000; k++) {
                String address = "/t" + id + "/" + (k % 700);
                byte[] b = OscCodec.toBytes(new OSCMessage(address, List.of(k, "s" + id)));
                OSCMessage back = (OSCMessage) OscCodec.decode(b, 0, b.length);
                assertEquals(address, back.getAddress());
                assertEquals(List.of(k, "s" + id), back.getArguments());
            }
        });
    }
}
