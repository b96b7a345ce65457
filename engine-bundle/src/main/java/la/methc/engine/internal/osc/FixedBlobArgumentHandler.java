package la.methc.engine.internal.osc;

import com.illposed.osc.BytesReceiver;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.argument.ArgumentHandler;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The OSC blob ({@code b}) argument, parsed correctly. JavaOSC 0.8's {@code BlobArgumentHandler.parse} slices
 * the blob but never advances the buffer, so every argument after a blob is read from the blob's bytes
 * (toolchain-notes §7, bug 1). This handler reads {@code int32 size, size bytes, 0-3 pad bytes} and leaves the
 * buffer after the padding. A blob parses as a read-only {@link ByteBuffer} holding exactly its bytes.
 *
 * <p>Use {@link #parser()} for a JavaOSC parser with every default type handler but this one for {@code b}.
 */
public final class FixedBlobArgumentHandler implements ArgumentHandler<ByteBuffer> {

    public static final FixedBlobArgumentHandler INSTANCE = new FixedBlobArgumentHandler();

    private FixedBlobArgumentHandler() {
    }

    /**
     * A parser with JavaOSC's default argument types and this handler for {@code b}. (The builder would put its
     * default handlers over a registered {@code b}, so the default parser's table is copied and patched; this
     * also keeps to the packages JavaOSC's bundle exports: {@code argument.handler} is private.)
     */
    @SuppressWarnings("rawtypes") // JavaOSC's API
    public static OSCParser parser() {
        OSCParser defaults = new OSCSerializerAndParserBuilder().buildParser();
        Map<Character, ArgumentHandler> types = new HashMap<>(defaults.getIdentifierToTypeMapping());
        types.put('b', INSTANCE);
        return new OSCParser(types, defaults.getProperties());
    }

    @Override
    public char getDefaultIdentifier() {
        return 'b';
    }

    @Override
    public Class<ByteBuffer> getJavaClass() {
        return ByteBuffer.class;
    }

    @Override
    public void setProperties(Map<String, Object> properties) {
        // no properties
    }

    @Override
    public boolean isMarkerOnly() {
        return false;
    }

    @Override
    public FixedBlobArgumentHandler clone() {
        return this; // stateless
    }

    @Override
    public ByteBuffer parse(ByteBuffer input) throws OSCParseException {
        if (input.remaining() < 4) {
            throw new OSCParseException("blob size missing: " + input.remaining() + " bytes left", input);
        }
        int start = input.position();
        int size = ((input.get(start) & 0xff) << 24) | ((input.get(start + 1) & 0xff) << 16)
                | ((input.get(start + 2) & 0xff) << 8) | (input.get(start + 3) & 0xff);
        int remaining = input.remaining() - 4;
        if (size < 0 || size > remaining) {
            throw new OSCParseException("blob size " + size + " but " + remaining + " bytes left", input);
        }
        ByteBuffer blob = input.slice(start + 4, size).asReadOnlyBuffer();
        int end = start + 4 + size;
        int padded = end + ((4 - end % 4) % 4);
        // padding is relative to the message start: OSCParser hands each message over as its own slice
        input.position(Math.min(padded, input.limit()));
        return blob;
    }

    @Override
    public void serialize(BytesReceiver output, ByteBuffer value) {
        // as JavaOSC's (correct) serializer, without consuming the caller's buffer
        int size = value.remaining();
        output.put(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
        output.put(value.duplicate());
        OSCSerializer.align(output);
    }
}
