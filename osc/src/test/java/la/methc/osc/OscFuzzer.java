package la.methc.osc;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * A deterministic generator of hostile OSC packets: the same seed and corpus give the same packets (but for the
 * time tags a corpus may read from the clock). Each packet is one of the {@link Kind}s: random bytes; a valid
 * packet of the {@link Corpus} mutated (bit flips, bytes inserted or deleted, every truncation of one packet in
 * turn, type tags swapped or wrong, bad padding, no ','); bundles truncated, with wrong element sizes or nested as
 * deep as a datagram allows; blob sizes near 2^31 and strings without a terminator; huge arrays; or a valid
 * packet as it is, so that the engine's state moves. A packet also carries a {@link Framing} for TCP, now and
 * then a wrong size prefix. Every packet fits a UDP datagram.
 */
public final class OscFuzzer {

    /** The largest packet generated: the largest UDP payload over IPv4 (the engine's UdpTransport.MAX_UDP_PAYLOAD). */
    public static final int MAX_SIZE = 65507;

    /** Where the valid messages come from (and the raw material of the mutations). */
    public interface Corpus {
        /** A valid message of the API under test, drawn with {@code r} only. */
        OSCMessage message(Random r);

        /**
         * The time tag of a bundle of valid messages sent as they are, drawn with {@code r}. (Mutated bundles
         * are timed now or in the past: a mutated time tag then stays in the past, and nothing the fuzzer sent is
         * left waiting in the engine's scheduler for years.)
         */
        OSCTimeTag64 time(Random r);
    }

    public enum Kind {
        VALID, RANDOM, BIT_FLIP, BYTE_INSERT, BYTE_DELETE, TRUNCATED, TAG_SWAP, WRONG_TAG, BAD_PADDING, NO_COMMA,
        TRUNCATED_BUNDLE, BAD_ELEMENT_SIZE, NESTED_BUNDLE, HUGE_BLOB, UNTERMINATED_STRING, HUGE_ARRAY
    }

    /** The size prefix a TCP sender puts before the packet. */
    public enum Framing {
        EXACT, SIZE_MAX, NEGATIVE, ZERO, LONGER, SHORTER
    }

    /** One generated packet. {@code tcpSize} is the prefix for {@code framing}. */
    public record Packet(Kind kind, byte[] bytes, Framing framing, int tcpSize) {
    }

    /** Relative weights of the kinds, in {@link Kind} order (a TRUNCATED pick yields a whole sweep). */
    private static final int[] WEIGHTS = {180, 80, 100, 50, 50, 3, 60, 60, 40, 30, 50, 50, 20, 30, 30, 10};
    /** Per mille of packets with a wrong TCP size prefix. */
    private static final int BAD_FRAMING_PER_MILLE = 8;
    /** 1900-01-01T00:00:01, NTP: any bit flipped, still in the past. */
    private static final OSCTimeTag64 LONG_AGO = OSCTimeTag64.valueOf(1L << 32);
    private static final byte[] BUNDLE = "#bundle\0".getBytes(StandardCharsets.US_ASCII);
    /** Header of a bundle element: #bundle, time tag, size of the element. */
    private static final int NESTING_OVERHEAD = 20;
    private static final String TAGS = "ifsbhdtTFNIcrmS[]";
    private static final int[] BLOB_SIZES = {0x7fffffff, 0x80000000, 0xffffffff, 0x7ffffffc, 0x40000000, 65536};
    private static final int[] ELEMENT_SIZES = {-1, -4, 0, 1, 3, 0x7fffffff, 0x80000000, 65536};

    private final Random r;
    private final Corpus corpus;
    private final int total;
    private final Deque<Packet> pending = new ArrayDeque<>();

    public OscFuzzer(long seed, Corpus corpus) {
        this.r = new Random(seed);
        this.corpus = corpus;
        this.total = Arrays.stream(WEIGHTS).sum();
    }

    /** The next packet. */
    public Packet next() {
        if (pending.isEmpty()) {
            generate();
        }
        return pending.poll();
    }

    private void generate() {
        int pick = r.nextInt(total);
        int k = 0;
        while (pick >= WEIGHTS[k]) {
            pick -= WEIGHTS[k++];
        }
        Kind kind = Kind.values()[k];
        if (kind == Kind.TRUNCATED) {
            byte[] whole = valid();
            for (int n = 0; n < whole.length; n++) {
                add(kind, Arrays.copyOf(whole, n));
            }
            return;
        }
        add(kind, switch (kind) {
            case VALID -> valid(true);
            case RANDOM -> random();
            case BIT_FLIP -> bitFlips(valid());
            case BYTE_INSERT -> insert(valid());
            case BYTE_DELETE -> delete(valid());
            case TAG_SWAP -> tagSwap(message());
            case WRONG_TAG -> wrongTag(message());
            case BAD_PADDING -> badPadding(message());
            case NO_COMMA -> noComma(message());
            case TRUNCATED_BUNDLE -> truncatedBundle();
            case BAD_ELEMENT_SIZE -> badElementSize();
            case NESTED_BUNDLE -> nested();
            case HUGE_BLOB -> hugeBlob();
            case UNTERMINATED_STRING -> unterminated();
            case HUGE_ARRAY -> hugeArray();
            case TRUNCATED -> throw new AssertionError();
        });
    }

    private void add(Kind kind, byte[] bytes) {
        Framing f = Framing.EXACT;
        if (r.nextInt(1000) < BAD_FRAMING_PER_MILLE) {
            f = Framing.values()[1 + r.nextInt(Framing.values().length - 1)];
        }
        int size = switch (f) {
            case EXACT -> bytes.length;
            case SIZE_MAX -> Integer.MAX_VALUE;
            case NEGATIVE -> r.nextBoolean() ? Integer.MIN_VALUE : -1 - r.nextInt(1 << 20);
            case ZERO -> 0;
            case LONGER -> bytes.length + 1 + r.nextInt(1000);
            case SHORTER -> bytes.length == 0 ? -1 : r.nextInt(bytes.length);
        };
        pending.add(new Packet(kind, bytes, f, size));
    }

    // ------------------------------------------------------------------ valid material

    /** A message, or a bundle of messages timed by the corpus ({@code timed}) or now or long ago. */
    private byte[] valid(boolean timed) {
        if (r.nextInt(5) != 0) {
            return message();
        }
        OSCTimeTag64 time = timed ? corpus.time(r) : r.nextBoolean() ? OSCTimeTag64.IMMEDIATE : LONG_AGO;
        return OscCodec.toBytes(new OSCBundle(messages(1 + r.nextInt(4)), time));
    }

    private byte[] valid() {
        return valid(false);
    }

    private byte[] message() {
        return OscCodec.toBytes(corpus.message(r));
    }

    private List<OSCPacket> messages(int n) {
        List<OSCPacket> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(corpus.message(r));
        }
        return l;
    }

    // ------------------------------------------------------------------ kinds

    private byte[] random() {
        int length = r.nextInt(10) == 0 ? r.nextInt(2048) : r.nextInt(64);
        if (r.nextInt(10) < 7) {
            length &= ~3;
        }
        byte[] b = new byte[length];
        r.nextBytes(b);
        byte[] prefix = switch (r.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> "/".getBytes(StandardCharsets.US_ASCII);
            case 2 -> BUNDLE;
            default -> "/synth/new\0\0,".getBytes(StandardCharsets.US_ASCII);
        };
        System.arraycopy(prefix, 0, b, 0, Math.min(prefix.length, b.length));
        return b;
    }

    private byte[] bitFlips(byte[] b) {
        for (int n = 1 + r.nextInt(4); n > 0 && b.length > 0; n--) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    private byte[] insert(byte[] b) {
        int n = r.nextBoolean() ? 4 : 1 + r.nextInt(8);
        int at = r.nextInt(b.length + 1);
        byte[] extra = new byte[n];
        if (r.nextBoolean()) {
            r.nextBytes(extra);
        }
        return splice(b, at, 0, extra);
    }

    private byte[] delete(byte[] b) {
        int n = Math.min(b.length, r.nextBoolean() ? 4 : 1 + r.nextInt(8));
        return splice(b, r.nextInt(b.length - n + 1), n, new byte[0]);
    }

    /** Swaps two type tags (or, with one tag, doubles it). */
    private byte[] tagSwap(byte[] b) {
        int[] t = tags(b);
        if (t == null || t[1] - t[0] < 1) {
            return wrongTag(b);
        }
        int i = t[0] + r.nextInt(t[1] - t[0]);
        int j = t[0] + r.nextInt(t[1] - t[0]);
        if (i == j) {
            return splice(b, i, 0, new byte[] {b[i]});
        }
        byte x = b[i];
        b[i] = b[j];
        b[j] = x;
        return b;
    }

    /** One type tag replaced by another known tag, an unknown one, or a stray tag added or removed. */
    private byte[] wrongTag(byte[] b) {
        int[] t = tags(b);
        if (t == null) {
            return bitFlips(b);
        }
        byte tag = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : (byte) TAGS.charAt(r.nextInt(TAGS.length()));
        int span = t[1] - t[0];
        return switch (r.nextInt(3)) {
            case 0 -> {
                if (span == 0) {
                    yield splice(b, t[0], 0, new byte[] {tag});
                }
                b[t[0] + r.nextInt(span)] = tag;
                yield b;
            }
            case 1 -> splice(b, t[0] + r.nextInt(span + 1), 0, new byte[] {tag});
            default -> span == 0 ? b : splice(b, t[0] + r.nextInt(span), 1, new byte[0]);
        };
    }

    /** A padding byte made non-zero, padding removed, or four bytes of padding too many after the address. */
    private byte[] badPadding(byte[] b) {
        int addressEnd = indexOf(b, 0, (byte) 0);
        if (addressEnd < 0) {
            return bitFlips(b);
        }
        int padEnd = (addressEnd + 4) & ~3;
        return switch (r.nextInt(3)) {
            case 0 -> {
                int k = addressEnd + r.nextInt(padEnd - addressEnd);
                b[k] = (byte) (1 + r.nextInt(255));
                yield b;
            }
            case 1 -> splice(b, addressEnd + 1, padEnd - addressEnd - 1, new byte[0]);
            default -> splice(b, padEnd, 0, new byte[4]);
        };
    }

    /** The ',' of the type tags replaced, removed, or the whole tag string dropped with the arguments left. */
    private byte[] noComma(byte[] b) {
        int[] t = tags(b);
        if (t == null) {
            return bitFlips(b);
        }
        int comma = t[0] - 1;
        return switch (r.nextInt(3)) {
            case 0 -> {
                b[comma] = (byte) ('a' + r.nextInt(26));
                yield b;
            }
            case 1 -> splice(b, comma, 1, new byte[0]);
            default -> splice(b, comma, ((t[1] + 4) & ~3) - comma, new byte[0]);
        };
    }

    private byte[] truncatedBundle() {
        byte[] b = OscCodec.toBytes(new OSCBundle(messages(1 + r.nextInt(5))));
        int cut = 8 + r.nextInt(b.length - 8);
        return Arrays.copyOf(b, r.nextBoolean() ? cut & ~3 : cut);
    }

    /** A bundle with one element size wrong: negative, zero, unaligned, near 2^31, or past the end. */
    private byte[] badElementSize() {
        int n = 1 + r.nextInt(5);
        byte[] b = OscCodec.toBytes(new OSCBundle(messages(n)));
        ByteBuffer buf = ByteBuffer.wrap(b);
        int at = 16;
        for (int skip = r.nextInt(n); skip > 0; skip--) {
            at += 4 + buf.getInt(at);
        }
        int size = buf.getInt(at);
        int left = b.length - at - 4;
        int bad = switch (r.nextInt(4)) {
            case 0 -> ELEMENT_SIZES[r.nextInt(ELEMENT_SIZES.length)];
            case 1 -> size + 4;
            case 2 -> size - 4;
            default -> left + 4 * (1 + r.nextInt(4));
        };
        buf.putInt(at, bad);
        return b;
    }

    /** Bundles in bundles around one message: around the engine's limit, or as deep as a datagram allows. */
    private byte[] nested() {
        byte[] inner = message();
        int max = (MAX_SIZE - inner.length) / NESTING_OVERHEAD;
        int depth = r.nextBoolean() ? 1 + r.nextInt(40) : 1 + r.nextInt(max);
        int size = inner.length + depth * NESTING_OVERHEAD;
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int d = 0; d < depth; d++) {
            // level d's one element is everything after its size field: the deeper levels and the message
            out.put(BUNDLE).putLong(1).putInt(size - (d + 1) * NESTING_OVERHEAD);
        }
        out.put(inner);
        return out.array();
    }

    /** A blob whose size says 2^31 or so, at the end of a real message's arguments or as its only one. */
    private byte[] hugeBlob() {
        OSCMessage m = corpus.message(r);
        String tags = r.nextBoolean() ? "b" : "ib";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, m.getAddress());
        writeString(out, "," + tags);
        if (tags.startsWith("i")) {
            writeInt(out, r.nextInt(64));
        }
        writeInt(out, BLOB_SIZES[r.nextInt(BLOB_SIZES.length)]);
        byte[] some = new byte[4 * r.nextInt(16)];
        r.nextBytes(some);
        out.writeBytes(some);
        return out.toByteArray();
    }

    /** A string argument, the tag string or the address that runs to the end of the packet unterminated. */
    private byte[] unterminated() {
        byte[] text = new byte[4 * (1 + r.nextInt(r.nextInt(20) == 0 ? 4000 : 16))];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + r.nextInt(26));
        }
        OSCMessage m = corpus.message(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (r.nextInt(3)) {
            case 0 -> {
                writeString(out, m.getAddress());
                writeString(out, r.nextBoolean() ? ",s" : ",is");
                if (r.nextBoolean()) {
                    writeInt(out, 1);
                }
            }
            case 1 -> {
                writeString(out, m.getAddress());
                out.writeBytes(",".getBytes(StandardCharsets.US_ASCII));
                text[0] = 'i';
            }
            default -> text[0] = '/';
        }
        out.writeBytes(text);
        return out.toByteArray();
    }

    /** Thousands of arguments in a real message: its first array, a new array, or flat; cut to a datagram. */
    private byte[] hugeArray() {
        int n = 1000 + r.nextInt(11_000);
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(r.nextBoolean() ? (Object) r.nextInt(100) : (Object) r.nextFloat());
        }
        OSCMessage m = corpus.message(r);
        List<Object> args = new ArrayList<>(m.getArguments());
        int array = -1;
        for (int i = 0; i < args.size() && array < 0; i++) {
            array = args.get(i) instanceof List<?> ? i : -1;
        }
        if (array >= 0) {
            args.set(array, values); // e.g. the controls or options of /synth/new
        } else if (r.nextBoolean()) {
            args.add(values);
        } else {
            args.addAll(values);
        }
        OSCMessage huge = new OSCMessage(m.getAddress(), args);
        byte[] b = OscCodec.toBytes(huge);
        return b.length <= MAX_SIZE ? b : Arrays.copyOf(b, MAX_SIZE & ~3);
    }

    // ------------------------------------------------------------------ bytes

    /** [first tag, end of tags) of a message's type tag string, or null when it has none. */
    private static int[] tags(byte[] b) {
        int addressEnd = indexOf(b, 0, (byte) 0);
        if (addressEnd < 0) {
            return null;
        }
        int at = (addressEnd + 4) & ~3;
        if (at >= b.length || b[at] != ',') {
            return null;
        }
        int end = indexOf(b, at, (byte) 0);
        return end < 0 ? null : new int[] {at + 1, end};
    }

    private static int indexOf(byte[] b, int from, byte value) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** {@code b} with {@code remove} bytes at {@code at} replaced by {@code insert}. */
    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(bytes);
        out.writeBytes(new byte[4 - bytes.length % 4]);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
    }
}
