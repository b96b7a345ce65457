package la.methc.engine.internal.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedBlobArgumentHandlerTest {

    private static ByteBuffer encode(OSCMessage m) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buf)).write(m);
        return buf.flip();
    }

    @Test
    void argumentsAfterBlobsOfEveryPaddingParse() throws Exception {
        for (int n = 0; n <= 8; n++) {
            byte[] blob = new byte[n];
            for (int i = 0; i < n; i++) {
                blob[i] = (byte) (i + 1);
            }
            ByteBuffer wire = encode(new OSCMessage("/b", List.of(blob, 7L, "end", blob, 3)));
            OSCMessage m = (OSCMessage) FixedBlobArgumentHandler.parser().convert(wire);
            assertEquals(List.of(ByteBuffer.wrap(blob), 7L, "end", ByteBuffer.wrap(blob), 3), m.getArguments(),
                    "blob of " + n + " bytes");
        }
    }

    @Test
    void aBlobLongerThanTheMessageIsAParseError() throws Exception {
        ByteBuffer wire = encode(new OSCMessage("/b", List.of(new byte[] {1, 2, 3, 4})));
        wire.putInt(wire.limit() - 8, 400); // the blob's size field
        assertThrows(OSCParseException.class, () -> FixedBlobArgumentHandler.parser().convert(wire));
    }
}
