package la.methc.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.BytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.argument.ArgumentHandler;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place OSC packets are parsed and serialized, on NRT threads (network, notifier and worker threads, and
 * the {@code methcla osc} tool). JavaOSC 0.8 does the work, with fixes for blobs and strings, and every packet is
 * checked first, so a malformed one gets a clear reason. A plain message skips JavaOSC's parser
 * ({@link PlainMessageDecoder}). Each thread gets its own parser, serializer and buffer. The fixes, and why only
 * JavaOSC's exported packages are used: {@code docs/robustness.md}, "The OSC codec".
 */
public final class OscCodec {

    /** The largest packet this codec serializes, and the largest a TCP peer may send (1 MiB). */
    public static final int MAX_PACKET_SIZE = 1 << 20;
    /** How deep bundles may nest in a received packet. */
    public static final int MAX_BUNDLE_DEPTH = 32;

    private static final int INITIAL_BUFFER = 8 * 1024;
    /** A thread's serialize buffer that grew beyond this is dropped after use. */
    private static final int KEEP_BUFFER = 64 * 1024;
    /** JavaOSC's string handler property (StringArgumentHandler.PROP_NAME_CHARSET). */
    private static final Map<String, Object> PROPERTIES = Map.of("charset", StandardCharsets.UTF_8);

    private static final OSCSerializerAndParserBuilder PARSERS = parserBuilder();
    private static final OSCSerializerAndParserBuilder SERIALIZERS = serializerBuilder();
    /** The type tags the parser understands (arrays aside). */
    static final Set<Character> KNOWN_TAGS = new HashSet<>(PARSERS.getIdentifierToTypeMapping().keySet());

    private static final ThreadLocal<OSCParser> PARSER = ThreadLocal.withInitial(PARSERS::buildParser);
    private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(() -> new Encoder(INITIAL_BUFFER));

    private OscCodec() {
    }

    /** A packet that is not well-formed OSC; the message says why. */
    public static final class BadPacketException extends Exception {
        private static final long serialVersionUID = 1L;

        public BadPacketException(String reason) {
            super(reason, null, false, false);
        }
    }

    // ------------------------------------------------------------------ parsing

    /** Parses {@code length} bytes of {@code bytes} from {@code offset}. The result does not alias the array. */
    public static OSCPacket decode(byte[] bytes, int offset, int length) throws BadPacketException {
        return decode(ByteBuffer.wrap(bytes, offset, length));
    }

    /**
     * Parses the remaining bytes of {@code packet} (its position is not moved). The result does not alias the
     * buffer, which may be reused at once.
     */
    public static OSCPacket decode(ByteBuffer packet) throws BadPacketException {
        OSCMessage plain = PlainMessageDecoder.decode(packet, packet.position(), packet.limit());
        return plain != null ? plain : decodeWithJavaOsc(packet);
    }

    /** {@link #decode(ByteBuffer)} without the plain-message shortcut: every packet through JavaOSC. */
    static OSCPacket decodeWithJavaOsc(ByteBuffer packet) throws BadPacketException {
        // JavaOSC assumes a packet starts at index 0 (bundle header, alignment)
        ByteBuffer in = packet.slice();
        int size = in.remaining();
        if (size == 0) {
            throw new BadPacketException("empty packet");
        }
        if (size % 4 != 0) {
            throw new BadPacketException("packet size " + size + " is not a multiple of 4");
        }
        PacketCheck.check(in, 0);
        OSCPacket result;
        try {
            result = PARSER.get().convert(in);
        } catch (OSCParseException e) {
            throw new BadPacketException(reason(e));
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new BadPacketException("truncated: an argument runs past the end of its message");
        } catch (RuntimeException e) {
            throw new BadPacketException("cannot parse: " + e);
        }
        if (result == null || contains(result, null)) {
            // unreachable after check(), which rejects unknown type tags; JavaOSC logs and returns null for them
            throw new BadPacketException("unsupported argument type");
        }
        return result;
    }

    private static String reason(OSCParseException e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static boolean contains(OSCPacket p, OSCPacket needle) {
        if (p instanceof OSCBundle b) {
            for (OSCPacket q : b.getPackets()) {
                if (q == needle || contains(q, needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Serializes {@code packet} into this thread's buffer and returns it (position 0, limit the size, backed by
     * an accessible array), valid until this thread's next {@code encode}.
     *
     * @throws IllegalArgumentException if the packet cannot be serialized (an unsupported argument class, or
     *     larger than {@link #MAX_PACKET_SIZE})
     */
    public static ByteBuffer encode(OSCPacket packet) {
        Encoder e = ENCODER.get();
        OSCPacket safe = withSafeBlobs(packet);
        while (true) {
            try {
                e.serializer.write(safe);
                ByteBuffer out = e.buffer.duplicate();
                out.flip();
                if (e.buffer.capacity() > KEEP_BUFFER) {
                    ENCODER.remove(); // the caller still holds this one
                }
                return out;
            } catch (OSCSerializeException ex) {
                if (!(ex.getCause() instanceof BufferOverflowException)) {
                    throw new IllegalArgumentException("cannot serialize " + describe(packet) + ": " + ex.getMessage(), ex);
                }
                if (e.buffer.capacity() >= MAX_PACKET_SIZE) {
                    ENCODER.remove();
                    throw new IllegalArgumentException("cannot serialize " + describe(packet) + ": larger than "
                            + MAX_PACKET_SIZE + " bytes", ex);
                }
                e = new Encoder(Math.min(MAX_PACKET_SIZE, e.buffer.capacity() * 4));
                ENCODER.set(e);
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("cannot serialize " + describe(packet) + ": " + ex, ex);
            }
        }
    }

    /** Serializes {@code packet} into a new array. */
    public static byte[] toBytes(OSCPacket packet) {
        ByteBuffer b = encode(packet);
        return Arrays.copyOfRange(b.array(), b.arrayOffset(), b.arrayOffset() + b.limit());
    }

    private static String describe(OSCPacket p) {
        return p instanceof OSCMessage m ? m.getAddress() : "bundle";
    }

    private static final class Encoder {
        final ByteBuffer buffer;
        final OSCSerializer serializer;

        Encoder(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
            serializer = SERIALIZERS.buildSerializer(new BufferBytesReceiver(buffer));
        }
    }

    /**
     * {@code packet}, or a copy of it in which every blob is a duplicate {@code ByteBuffer} (JavaOSC's blob
     * serializer consumes the buffer it is given; a {@code byte[]} blob becomes a writable buffer).
     */
    static OSCPacket withSafeBlobs(OSCPacket packet) {
        if (packet instanceof OSCMessage m) {
            if (!hasBlob(m.getArguments())) {
                return m;
            }
            return new OSCMessage(m.getAddress(), safeBlobs(m.getArguments()));
        }
        OSCBundle b = (OSCBundle) packet;
        List<OSCPacket> packets = new ArrayList<>(b.getPackets().size());
        boolean changed = false;
        for (OSCPacket p : b.getPackets()) {
            OSCPacket q = withSafeBlobs(p);
            changed |= q != p;
            packets.add(q);
        }
        return changed ? new OSCBundle(packets, b.getTimestamp()) : b;
    }

    private static boolean hasBlob(List<?> args) {
        for (Object a : args) {
            if (a instanceof ByteBuffer || a instanceof byte[] || a instanceof List<?> l && hasBlob(l)) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> safeBlobs(List<?> args) {
        List<Object> copy = new ArrayList<>(args.size());
        for (Object a : args) {
            if (a instanceof ByteBuffer bb) {
                copy.add(bb.duplicate());
            } else if (a instanceof byte[] bytes) {
                copy.add(ByteBuffer.wrap(bytes));
            } else if (a instanceof List<?> l) {
                copy.add(safeBlobs(l));
            } else {
                copy.add(a);
            }
        }
        return copy;
    }

    // ------------------------------------------------------------------ handlers

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static OSCSerializerAndParserBuilder parserBuilder() {
        // JavaOSC's own handlers, taken from a default parser (its handler package is not exported)
        Map<Character, ArgumentHandler> defaults = new OSCSerializerAndParserBuilder().buildParser().getIdentifierToTypeMapping();
        // with default handlers on, JavaOSC would put its own 'b' back over ours
        OSCSerializerAndParserBuilder b = new OSCSerializerAndParserBuilder().setUsingDefaultHandlers(false);
        b.addProperties(PROPERTIES);
        for (Map.Entry<Character, ArgumentHandler> e : defaults.entrySet()) {
            ArgumentHandler handler = switch (e.getKey()) {
                case 'b' -> new BlobHandler();
                case 's' -> new StrictStringHandler();
                case 'S' -> new StrictSymbolHandler();
                default -> e.getValue();
            };
            b.registerArgumentHandler(handler, e.getKey());
        }
        return b;
    }

    private static OSCSerializerAndParserBuilder serializerBuilder() {
        return new OSCSerializerAndParserBuilder().addProperties(PROPERTIES);
    }

    /** Blob ({@code b}) as a {@link ByteBuffer}: parses past the blob and its padding, into a copy. */
    static final class BlobHandler extends StatelessHandler<ByteBuffer> {

        BlobHandler() {
            super('b', ByteBuffer.class);
        }

        @Override
        public ByteBuffer parse(ByteBuffer input) throws OSCParseException {
            if (input.remaining() < 4) {
                throw new OSCParseException("truncated blob size", input);
            }
            int size = input.getInt();
            if (size < 0 || size > input.remaining()) {
                throw new OSCParseException("blob size " + size + " does not fit the " + input.remaining()
                        + " bytes left in the message", input);
            }
            byte[] copy = new byte[size];
            input.get(copy);
            int padding = (4 - input.position() % 4) % 4;
            if (padding > input.remaining()) {
                throw new OSCParseException("blob padding runs past the end of the message", input);
            }
            input.position(input.position() + padding);
            return ByteBuffer.wrap(copy);
        }

        @Override
        public void serialize(BytesReceiver output, ByteBuffer value) {
            ByteBuffer v = value.duplicate(); // the message may be sent again
            output.put(ByteBuffer.allocate(4).putInt(0, v.remaining()).array());
            output.put(v);
            OSCSerializer.align(output);
        }
    }
}
