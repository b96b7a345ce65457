package la.methc.osc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** OSC over TCP: each packet after its size, an int32 big-endian (bytes written out by hand). */
class TcpFramingTest {

    @Test
    void framesAreSizePrefixedBigEndian() throws IOException {
        byte[] f = TcpFraming.frame(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertArrayEquals(new byte[] {0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8}, f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TcpFraming.write(out, ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertArrayEquals(f, out.toByteArray());
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(concat(f, f)));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, TcpFraming.read(in));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, TcpFraming.read(in));
        assertNull(TcpFraming.read(in), "a clean end between frames");
    }

    @Test
    void badFramesFail() {
        assertEquals(0, assertThrows(TcpFraming.BadFrameException.class, () -> read(new byte[] {0, 0, 0, 0})).size());
        assertThrows(TcpFraming.BadFrameException.class, () -> read(new byte[] {(byte) 0xff, 0, 0, 4, 1, 2, 3, 4}));
        // 1 MiB + 1 (0x00100001) is over the limit
        assertEquals(OscCodec.MAX_PACKET_SIZE + 1, assertThrows(TcpFraming.BadFrameException.class,
                () -> read(new byte[] {0, 0x10, 0, 1, 1})).size());
        assertThrows(EOFException.class, () -> read(new byte[] {0, 0, 0, 8, 1, 2, 3}), "cut short");
    }

    private static byte[] read(byte[] bytes) throws IOException {
        return TcpFraming.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
