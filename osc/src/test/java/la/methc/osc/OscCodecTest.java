package la.methc.osc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

public class OscCodecTest {

    /** One argument of every type the codec supports (the engine's transport tests send it too). */
    public static List<Object> everyType() {
        return Arrays.asList(1, 0.5f, "text é", ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), 7, 64L, 1.5d,
                true, false, null, List.of(440f, 2), List.of(), ByteBuffer.wrap(new byte[0]), "end");
    }

    static OSCMessage roundTrip(OSCMessage m) throws Exception {
        return (OSCMessage) OscCodec.decode(ByteBuffer.wrap(OscCodec.toBytes(m)));
    }

    @Test
    void everyTypeWithABlobInTheMiddleRoundTrips() throws Exception {
        OSCMessage back = roundTrip(new OSCMessage("/types", everyType()));
        assertEquals("/types", back.getAddress());
        assertEquals(everyType(), back.getArguments());
    }

    @Test
    void blobOfEveryPaddingIsFollowedByTheRightInt() throws Exception {
        for (int len = 0; len <= 8; len++) {
            byte[] blob = new byte[len];
            Arrays.fill(blob, (byte) 0x7f);
            OSCMessage back = roundTrip(new OSCMessage("/b", List.of(blob, 42, "after")));
            assertEquals(ByteBuffer.wrap(blob), back.getArguments().get(0), "blob of " + len);
            assertEquals(42, back.getArguments().get(1), "int after a blob of " + len);
            assertEquals("after", back.getArguments().get(2));
        }
    }

    @Test
    void aPacketWithBlobsSerializesTheSameTwice() {
        ByteBuffer blob = ByteBuffer.wrap(new byte[] {9, 8, 7});
        OSCMessage m = new OSCMessage("/b", List.of(blob, 1, List.of(new byte[] {1}, ByteBuffer.wrap(new byte[] {2}))));
        OSCBundle b = new OSCBundle(List.<OSCPacket>of(m, new OSCMessage("/plain")));
        byte[] first = OscCodec.toBytes(b);
        assertArrayEquals(first, OscCodec.toBytes(b));
        assertEquals(3, blob.remaining());
        assertArrayEquals(OscCodec.toBytes(m), OscCodec.toBytes(m));
        OSCMessage plain = new OSCMessage("/p", List.of(1, "x"));
        assertSame(plain, OscCodec.withSafeBlobs(plain));
    }

    @Test
    void aParsedBlobDoesNotAliasTheInput() throws Exception {
        byte[] bytes = OscCodec.toBytes(new OSCMessage("/b", List.of(new byte[] {1, 2, 3, 4})));
        OSCMessage m = (OSCMessage) OscCodec.decode(bytes, 0, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), m.getArguments().get(0));
    }

    @Test
    void nestedBundlesKeepTheirTimeTags() throws Exception {
        OSCTimeTag64 t1 = OSCTimeTag64.valueOf(NtpTime.fromInstant(Instant.parse("2026-01-01T00:00:00Z")));
        OSCBundle inner = new OSCBundle(List.of(new OSCMessage("/c", List.of(3))), OSCTimeTag64.IMMEDIATE);
        OSCBundle outer = new OSCBundle(List.<OSCPacket>of(new OSCMessage("/a", List.of(1)), inner,
                new OSCMessage("/b", List.of("x"))), t1);
        OSCBundle back = (OSCBundle) OscCodec.decode(ByteBuffer.wrap(OscCodec.toBytes(outer)));
        assertEquals(t1, back.getTimestamp());
        assertEquals(3, back.getPackets().size());
        assertEquals("/a", ((OSCMessage) back.getPackets().get(0)).getAddress());
        OSCBundle innerBack = (OSCBundle) back.getPackets().get(1);
        assertTrue(innerBack.getTimestamp().isImmediate());
        assertEquals(List.of(3), ((OSCMessage) innerBack.getPackets().get(0)).getArguments());
        assertEquals(List.of("x"), ((OSCMessage) back.getPackets().get(2)).getArguments());
    }

    @Test
    void decodeIgnoresTheBufferPositionAndDoesNotMoveIt() throws Exception {
        byte[] m = OscCodec.toBytes(new OSCBundle(List.of(new OSCMessage("/x", List.of(5)))));
        ByteBuffer b = ByteBuffer.allocate(m.length + 8);
        b.position(8);
        b.put(m);
        b.position(8);
        OSCBundle back = (OSCBundle) OscCodec.decode(b);
        assertEquals(List.of(5), ((OSCMessage) back.getPackets().get(0)).getArguments());
        assertEquals(8, b.position());
    }

    @Test
    void stringsAreUtf8() {
        byte[] bytes = OscCodec.toBytes(new OSCMessage("/s", List.of("é")));
        byte[] expected = "/s\0\0,s\0\0é\0".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, Arrays.copyOf(bytes, expected.length));
    }

    private static String reason(byte[] bytes) {
        return assertThrows(OscCodec.BadPacketException.class, () -> OscCodec.decode(bytes, 0, bytes.length)).getMessage();
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void malformedPacketsHaveClearReasons() {
        assertEquals("empty packet", reason(new byte[0]));
        assertEquals("packet size 5 is not a multiple of 4", reason(raw("/ab\0,")));
        assertTrue(reason(raw("abc\0,\0\0\0")).contains("does not start with '/'"));
        assertTrue(reason(raw("/abc")).contains("address is not terminated"));
        assertTrue(reason(raw("/a\0\0xyz\0")).contains("no type tag string"));
        assertTrue(reason(raw("/a\0\0,ix\0")).contains("unsupported type tag 'x'"), reason(raw("/a\0\0,ix\0")));
        assertTrue(reason(raw("/a\0\0,[[]]\0\0\0")).contains("nested OSC arrays"));
        assertTrue(reason(raw("/a\0\0,[i\0")).contains("unclosed '['"));
        assertTrue(reason(raw("/a\0\0,]\0\0")).contains("unmatched ']'"));
        assertTrue(reason(raw("/a\0\0,i\0\0")).contains("truncated"), reason(raw("/a\0\0,i\0\0")));
        assertTrue(reason(raw("/a\0\0,s\0\0abcd")).contains("truncated"));
        // a blob claiming more bytes than there are
        assertTrue(reason(raw("/a\0\0,b\0\0\0\0\0\u0010abcd")).contains("blob size 16"));
        assertTrue(reason(raw("/a\0\0,b\0\0\u00ff\u00ff\u00ff\u00ffabcd")).contains("blob size -1"));
    }

    @Test
    void malformedBundlesHaveClearReasons() {
        String header = "#bundle\0\0\0\0\0\0\0\0\1";
        assertTrue(reason(raw("#bundle\0\0\0\0\0")).contains("no room for its time tag"));
        assertTrue(reason(raw(header + "\0\0\0\0")).contains("element 0 has size 0"));
        assertTrue(reason(raw(header + "\0\0\0\u0005")).contains("not a multiple of 4"));
        assertTrue(reason(raw(header + "\0\0\0\u0010/a\0\0")).contains("exceeds the 4 bytes left"));
        assertTrue(reason(raw(header + "\u00ff\u00ff\u00ff\u00fc")).contains("has size -4"));
        assertTrue(reason(raw(header + "\0\0\0\u0008/a\0\0,x\0\0")).contains("unsupported type tag 'x'"));
        // deeply nested bundles are refused, not a stack overflow
        OSCPacket p = new OSCMessage("/deep");
        for (int k = 0; k < OscCodec.MAX_BUNDLE_DEPTH + 1; k++) {
            p = new OSCBundle(List.of(p));
        }
        assertTrue(reason(OscCodec.toBytes(p)).contains("nested deeper than"));
    }

    @Test
    void encodeRefusesUnsupportedArgumentsAndHugePackets() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> OscCodec.encode(new OSCMessage("/x", List.of(new Object()))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OscCodec.encode(new OSCMessage("/x", List.of(new byte[OscCodec.MAX_PACKET_SIZE]))));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        // and the thread's encoder still works
        assertInstanceOf(OSCMessage.class, assertDoesNotThrowDecode(OscCodec.toBytes(new OSCMessage("/ok"))));
    }

    @Test
    void largePacketsGrowTheBuffer() throws Exception {
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 3);
        OSCMessage back = roundTrip(new OSCMessage("/big", List.of(big, 1)));
        assertEquals(ByteBuffer.wrap(big), back.getArguments().get(0));
        assertEquals(1, back.getArguments().get(1));
    }

    @Test
    void threadsDoNotShareParserOrSerializerState() throws Exception {
        OnThreads.run(4, id -> {
            for (int k = 0; k < 2000; k++) {
                OSCMessage m = new OSCMessage("/t" + id, List.of(id, k, "s" + k, new byte[k % 7]));
                OSCMessage back = roundTrip(m);
                assertEquals("/t" + id, back.getAddress());
                assertEquals(k, back.getArguments().get(1));
                assertEquals("s" + k, back.getArguments().get(2));
            }
        });
    }

    /**
     * javaosc-core 0.8's manifest exports only com.illposed.osc, ...argument, ...messageselector and
     * ...transport: a reference to any other of its packages would leave the engine bundle unresolved in Felix.
     */
    @Test
    void usesOnlyThePackagesJavaOscExports() throws Exception {
        Path classes = Paths.get(OscCodec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".class"))::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String pkg : List.of("com/illposed/osc/argument/handler/", "com/illposed/osc/transport/udp/",
                        "com/illposed/osc/transport/tcp/", "com/illposed/osc/transport/channel/")) {
                    if (text.contains(pkg)) {
                        offenders.add(classes.relativize(f) + " uses " + pkg);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static OSCPacket assertDoesNotThrowDecode(byte[] b) throws OscCodec.BadPacketException {
        return OscCodec.decode(b, 0, b.length);
    }
}
