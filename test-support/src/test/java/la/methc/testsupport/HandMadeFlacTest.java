package la.methc.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-made FLAC bytes against the specification's fields and the CRCs' standard check values. */
class HandMadeFlacTest {

    @Test
    void theCrcsMatchTheSpecsCheckValues() {
        // the standard check value of each CRC over the ASCII "123456789" (CRC-8 0x07: 0xF4; CRC-16/UMTS 0xFEE8)
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xF4, HandMadeFlac.crc8(check));
        assertEquals(0xFEE8, HandMadeFlac.crc16(check));
    }

    @Test
    void streamInfoAndTheFirstFrameHeaderHoldTheSpecsFields() {
        // one channel, 16 bits, 44,100 Hz, 3 samples in one frame of block size 4096
        byte[] flac = HandMadeFlac.bytes(44100, 16, 4096, false, new int[] {1, -1, 0x1234});
        // "fLaC"; metadata block header: last block, type 0 (STREAMINFO), length 34
        assertArrayEquals(new byte[] {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34}, Arrays.copyOf(flac, 8));
        // min and max block size 4096 (0x1000), min and max frame size 0 (unknown)
        assertArrayEquals(new byte[] {0x10, 0, 0x10, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(flac, 8, 18));
        // 20 bits of rate (44100 = 0x0AC44), 3 bits channels - 1 (0), 5 bits bits - 1 (15), 36 bits of frames (3)
        assertArrayEquals(new byte[] {0x0A, (byte) 0xC4, 0x40, (byte) 0xF0, 0, 0, 0, 3},
                Arrays.copyOfRange(flac, 18, 26));
        int frame = 8 + 34; // after the 16 bytes of MD5 (zero)
        // sync 0xFFF8 (fixed block size); block size code 0111, rate code 0000; mono, 16 bits (100), reserved 0;
        // frame number 0; block size - 1 = 2 in 16 bits
        byte[] header = Arrays.copyOfRange(flac, frame, frame + 7);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xF8, 0x70, 0x08, 0, 0, 2}, header);
        assertEquals(HandMadeFlac.crc8(header), flac[frame + 7] & 0xFF);
        // VERBATIM subframe header (0 000001 0), then the samples, big-endian two's complement
        assertArrayEquals(new byte[] {0x02, 0, 1, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34},
                Arrays.copyOfRange(flac, frame + 8, frame + 15));
        assertEquals(frame + 17, flac.length); // and the frame's CRC-16
        assertEquals(HandMadeFlac.crc16(Arrays.copyOfRange(flac, frame, frame + 15)),
                (flac[frame + 15] & 0xFF) << 8 | flac[frame + 16] & 0xFF);
    }
}
