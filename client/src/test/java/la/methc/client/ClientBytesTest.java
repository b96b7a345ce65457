package la.methc.client;

import static la.methc.client.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the client puts on the wire, checked against bytes written out by hand from the OSC 1.0 specification
 * (the comments say how each was computed), not against the codec the client uses.
 */
class ClientBytesTest {

    /** The bytes of the one packet {@code send} makes the client send, over UDP. */
    private static String sent(java.util.function.Consumer<MethclaClient> send) throws Exception {
        try (FakeServer server = FakeServer.udp(); MethclaClient c = MethclaClient.udp("127.0.0.1", server.port())) {
            send.accept(c);
            return hex(server.receive());
        }
    }

    @Test
    void intArgumentsAndAddressPadding() throws Exception {
        // "/group/new" is 10 bytes, + NUL = 11, padded to 12; ",iii" + NUL = 5, padded to 8; 1000 = 0x3e8
        assertEquals("2f67726f 75702f6e 65770000 2c696969 00000000 000003e8 00000000 00000001",
                sent(c -> c.newGroup(1000, 0, AddAction.TAIL)));
    }

    @Test
    void parallelGroupIsAFourthInt() throws Exception {
        // ",iiii" + NUL = 6, padded to 8; 1000 = 0x3e8, target 0, tail 1, parallel 1
        assertEquals("2f67726f 75702f6e 65770000 2c696969 69000000 000003e8 00000000 00000001 00000001",
                sent(c -> c.newParallelGroup(1000, 0, AddAction.TAIL)));
    }

    @Test
    void stringOfFourBytesGetsFourNulsAndFloatsAreIeeeBigEndian() throws Exception {
        // "/node/set" 9 + NUL → 12; ",isf" + NUL → 8; "freq" is 4 bytes, so a whole word of NULs follows;
        // 660.0f = 0x44250000 (sign 0, exponent 136, mantissa 0x250000)
        assertEquals("2f6e6f64 652f7365 74000000 2c697366 00000000 000003e8 66726571 00000000 44250000",
                sent(c -> c.set(1000, "freq", 660f)));
        // "amp" is 3 bytes: one NUL; 0.2f = 0x3e4ccccd
        assertEquals("2f6e6f64 652f7365 74000000 2c696969 73660000 000003e8 00000002 000003e9 616d7000 3e4ccccd",
                sent(c -> c.set(1000, 2, 1001, "amp", 0.2f)));
    }

    @Test
    void synthNewWithArrays() throws Exception {
        // ",siii[ff][i]" is 12 bytes + NUL = 13 → 16; "u" + NUL → 4; 440f = 0x43dc0000, 0.5f = 0x3f000000
        assertEquals("2f73796e 74682f6e 65770000 2c736969 695b6666 5d5b695d 00000000 75000000 000003e8 00000000"
                + " 00000003 43dc0000 3f000000 00000007",
                sent(c -> c.newSynth("u", 1000, 0, AddAction.AFTER, List.of(440f, 0.5f), List.of(7))));
        // empty arrays: "[]" in the type tags, no data
        assertEquals("2f73796e 74682f6e 65770000 2c736969 695b5d5b 5d000000 75000000 00000001 00000002 00000000",
                sent(c -> c.newSynth("u", 1, 2, AddAction.HEAD)));
    }

    @Test
    void blob() throws Exception {
        // "/b" + NUL → 4; ",b" + NUL → 4; size 3, three bytes and one NUL of padding
        assertEquals("2f620000 2c620000 00000003 01020300", sent(c -> {
            try {
                c.connection().send("/b", ByteBuffer.wrap(new byte[] {1, 2, 3}));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    @Test
    void bundleWithAnNtpTimeTagFrom1900() throws Exception {
        // 2026-01-01T00:00:00Z is 1,767,225,600 s after 1970, + 2,208,988,800 s from 1900 to 1970
        // = 3,976,214,400 = 0xed003780; .5 s is 2^31 = 0x80000000 in units of 2^-32 s.
        // "#bundle" + NUL, the time tag, the element's size (20 = 0x14), then the message /node/free i:1000
        assertEquals("2362756e 646c6500 ed003780 80000000 00000014 2f6e6f64 652f6672 65650000 2c690000 000003e8",
                sent(c -> c.at(Instant.parse("2026-01-01T00:00:00.5Z"), b -> b.free(1000))));
    }

    @Test
    void timeTagsAtTheEpochAndImmediately() {
        // 1900-01-01T00:00:00.25Z: 0 whole seconds, a quarter = 0x40000000
        assertEquals(0x0000_0000_4000_0000L, Bundle.at(Instant.parse("1900-01-01T00:00:00.25Z")).timeTag());
        // 1970-01-01T00:00:00.000000001Z: 0x83aa7e80 s, and 1 ns = 2^32 / 10^9 = 4.29… units, rounded down: 4
        assertEquals(0x83aa_7e80_0000_0004L, Bundle.at(Instant.parse("1970-01-01T00:00:00.000000001Z")).timeTag());
        // "now" is the raw value 1
        assertEquals(1L, Bundle.now().timeTag());
    }

    @Test
    void immediateBundleOfTwo() throws Exception {
        // time tag 1 ("now"); "/synth/activate" is 15 bytes + NUL = 16, with ",i\0\0" and the int: 24 = 0x18;
        // "/node/free" 10 + NUL → 12, with ",i\0\0" and the int: 20 = 0x14
        assertEquals("2362756e 646c6500 00000000 00000001"
                + " 00000018 2f73796e 74682f61 63746976 61746500 2c690000 000003e8"
                + " 00000014 2f6e6f64 652f6672 65650000 2c690000 000003e9",
                sent(c -> c.bundle(b -> b.activate(1000).free(1001))));
    }

    @Test
    void namedControlsAtCreationGoInOneBundleAfterTheSynth() throws Exception {
        // time tag 1 ("now"), then two elements:
        // /synth/new s:u i:1000 i:0 i:1 [] []: "/synth/new" 10 + NUL → 12; ",siii[][]" 9 + NUL → 12; "u" + NUL → 4;
        // three ints 12: 40 = 0x28 bytes. /node/set i:1000 s:freq f:440 i:1 f:0.2: "/node/set" 9 + NUL → 12;
        // ",isfif" 6 + NUL → 8; 1000; "freq" + 4 NULs; 440f = 0x43dc0000; 1; 0.2f = 0x3e4ccccd: 44 = 0x2c bytes
        String expected = "2362756e 646c6500 00000000 00000001"
                + " 00000028 2f73796e 74682f6e 65770000 2c736969 695b5d5b 5d000000 75000000 000003e8 00000000 00000001"
                + " 0000002c 2f6e6f64 652f7365 74000000 2c697366 69660000 000003e8 66726571 00000000 43dc0000"
                + " 00000001 3e4ccccd";
        assertEquals(expected, sent(c -> c.newSynth("u", 1000, 0, AddAction.TAIL, Controls.of("freq", 440f).set(1, 0.2f),
                List.of())));
        // the same bundle from a Map, and inside a bundle the client sends (flat, not nested)
        assertEquals(expected, sent(c -> c.newSynth("u", 1000, 0, AddAction.TAIL,
                Controls.of(new java.util.LinkedHashMap<>(java.util.Map.of("freq", 440f))).set(1, 0.2f), List.of())));
        assertEquals(expected, sent(c -> c.bundle(b -> b.newSynth("u", 1000, 0, AddAction.TAIL,
                Controls.of("freq", 440f).set(1, 0.2f), List.of()))));
        // no controls: the /synth/new alone, not in a bundle; a resource by name is an int value
        assertEquals(hex(Wire.message("/synth/new", "u", 1, 0, 0, List.of(), List.of(2))),
                sent(c -> c.newSynth("u", 1, 0, AddAction.HEAD, Controls.none(), List.of(2))));
        Bundle b = Bundle.now().newSynth("u", 1, 0, AddAction.HEAD, Controls.of("rate", 2f).resource("buffer", 3),
                List.of());
        ByteBuffer set = la.methc.osc.OscCodec.encode(b.packets().get(1));
        byte[] bytes = new byte[set.remaining()];
        set.get(bytes);
        assertEquals(hex(Wire.message("/node/set", 1, "rate", 2f, "buffer", 3)), hex(bytes));
    }

    @Test
    void scoreRecordsAreSizePrefixedBundlesWithSecondsFromZero() throws Exception {
        Score score = new Score().at(1.5, b -> b.free(1000)).at(2, b -> b.add("/sync", 0));
        // named controls at creation: both messages in the one bundle at that time
        Score named = new Score().at(0, b -> b.newSynth("u", 1, 0, AddAction.HEAD, Controls.of("amp", 1f), List.of()));
        assertEquals(List.of("/synth/new", "/node/set"), named.bundles().get(0).packets().stream()
                .map(p -> ((com.illposed.osc.OSCMessage) p).getAddress()).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        score.write(out);
        // a record: int32 size, then the bundle: 8 "#bundle\0", 8 time tag, 4 element size and the message
        // (/node/free i:1000: 20 bytes, so 40 = 0x28; /sync i:0: 16 bytes, so 36 = 0x24)
        // time tag 1.5 s from 0: 0x00000001 80000000; 2 s: 0x00000002 00000000
        assertEquals("00000028 2362756e 646c6500 00000001 80000000 00000014 2f6e6f64 652f6672 65650000 2c690000 000003e8"
                + " 00000024 2362756e 646c6500 00000002 00000000 00000010 2f73796e 63000000 2c690000 00000000",
                hex(out.toByteArray()));
    }

    @Test
    void tcpFramesEachPacketWithItsSize() throws Exception {
        try (FakeServer server = FakeServer.tcp(); MethclaClient c = MethclaClient.tcp("127.0.0.1", server.port())) {
            c.activate(1000);
            c.free(1001);
            // FakeServer reads the int32 size by hand and exactly that many bytes
            assertEquals(hex(Wire.message("/synth/activate", 1000)), hex(server.receive()));
            assertEquals("2f6e6f64 652f6672 65650000 2c690000 000003e9", hex(server.receive()));
        }
    }

    @Test
    void bufferWriteWithAFormat() throws Exception {
        // "/buffer/write" 13 + NUL → 16; ",iss" + NUL → 8; id 2; "y.wav" 5 + NUL → 8; "int24" 5 + NUL → 8
        assertEquals("2f627566 6665722f 77726974 65000000 2c697373 00000000 00000002 792e7761 76000000"
                + " 696e7432 34000000", sent(c -> c.bufferWrite(2, "y.wav", "int24")));
        // without a format: ",is" + NUL → 4, the path as before
        assertEquals("2f627566 6665722f 77726974 65000000 2c697300 00000002 792e7761 76000000",
                sent(c -> c.bufferWrite(2, "y.wav")));
    }

    @Test
    void everyCommandMatchesTheHandWrittenEncoder() throws Exception {
        // the hand encoder agrees with the literal bytes above...
        assertEquals("2f67726f 75702f6e 65770000 2c696969 00000000 000003e8 00000000 00000001",
                hex(Wire.message("/group/new", 1000, 0, 1)));
        // ...and with every other typed command
        assertEquals(hex(Wire.message("/group/freeAll", 1)), sent(c -> c.freeAll(1)));
        assertEquals(hex(Wire.message("/synth/map/input", 1000, 0, 5, 2)), sent(c -> c.mapInput(1000, 0, 5, Flags.BUS_FEEDBACK)));
        assertEquals(hex(Wire.message("/synth/map/output", 1000, 1, 0, 5)),
                sent(c -> c.mapOutput(1000, 1, 0, Flags.BUS_EXTERNAL | Flags.BUS_REPLACE)));
        assertEquals(hex(Wire.message("/synth/property/doneFlags/set", 1000, 33)),
                sent(c -> c.doneFlags(1000, Flags.FREE_SELF | Flags.NOTIFY)));
        assertEquals(hex(Wire.message("/node/set", 1000, 0, 440f)), sent(c -> c.set(1000, 0, 440f)));
        assertEquals(hex(Wire.message("/node/set", 1000, 0, 3)), sent(c -> c.setResource(1000, 0, 3)));
        assertEquals(hex(Wire.message("/node/set", 1000, "buffer", 3)), sent(c -> c.setResource(1000, "buffer", 3)));
        assertEquals(hex(Wire.message("/node/set", 1000, "freq", 660f, 1, 0.2f)),
                sent(c -> c.set(1000, "freq", 660f, 1, 0.2f)));
    }
}
