package la.methc.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * FLAC files written bit by bit from the format specification (https://xiph.org/flac/format.html), not with
 * jflac: "fLaC", one STREAMINFO block, then frames of a fixed block size, each a frame header (sync code, block
 * size and sample size codes, the UTF-8 coded frame number, a 16-bit block size - 1, CRC-8), one VERBATIM
 * subframe per channel (or CONSTANT, when all of a channel's samples in the frame are equal and
 * {@code constants} is set), zero padding to a byte and CRC-16.
 */
public final class HandMadeFlac {

    private HandMadeFlac() {
    }

    /** Writes {@code samples[c][i]} (integers of {@code bits} bits: 8, 12, 16, 20 or 24) in frames of {@code block}. */
    public static void write(Path file, int rate, int bits, int block, boolean constants, int[]... samples)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes(rate, bits, block, constants, samples));
    }

    /** The bytes {@link #write} writes. */
    public static byte[] bytes(int rate, int bits, int block, boolean constants, int[]... samples) {
        int channels = samples.length;
        int frames = samples[0].length;
        Bits out = new Bits();
        out.put('f', 8).put('L', 8).put('a', 8).put('C', 8);
        out.put(1, 1).put(0, 7).put(34, 24); // last metadata block, STREAMINFO, 34 bytes
        out.put(block, 16).put(block, 16); // min and max block size
        out.put(0, 24).put(0, 24); // min and max frame size: unknown
        out.put(rate, 20).put(channels - 1, 3).put(bits - 1, 5).putLong(frames, 36);
        for (int i = 0; i < 16; i++) {
            out.put(0, 8); // MD5 of the audio: 0, unknown (decoders then do not check it)
        }
        int number = 0;
        for (int first = 0; first < frames; first += block, number++) {
            int n = Math.min(block, frames - first);
            Bits f = new Bits();
            f.put(0b11111111111110, 14).put(0, 1).put(0, 1); // sync, reserved, fixed block size
            f.put(0b0111, 4).put(0b0000, 4); // block size: 16 bits at the end of the header; rate: STREAMINFO's
            f.put(channels - 1, 4).put(sizeCode(bits), 3).put(0, 1); // independent channels
            utf8(f, number);
            f.put(n - 1, 16);
            f.put(crc8(f.toByteArray()), 8);
            for (int[] channel : samples) {
                boolean constant = constants;
                for (int i = 1; i < n && constant; i++) {
                    constant = channel[first + i] == channel[first];
                }
                f.put(0, 1).put(constant ? 0b000000 : 0b000001, 6).put(0, 1); // no wasted bits
                for (int i = 0; i < (constant ? 1 : n); i++) {
                    f.put(channel[first + i], bits);
                }
            }
            f.align();
            f.put(crc16(f.toByteArray()), 16);
            out.putBytes(f.toByteArray());
        }
        return out.toByteArray();
    }

    /** The frame header's sample size code for {@code bits}. */
    private static int sizeCode(int bits) {
        return switch (bits) {
            case 8 -> 0b001;
            case 12 -> 0b010;
            case 16 -> 0b100;
            case 20 -> 0b101;
            case 24 -> 0b110;
            default -> throw new IllegalArgumentException(bits + " bits");
        };
    }

    /** The frame number as the spec's extended UTF-8: 1 byte below 2^7, else a lead byte and 6-bit tails. */
    private static void utf8(Bits f, int v) {
        if (v < 0x80) {
            f.put(v, 8);
            return;
        }
        int tails = v < 0x800 ? 1 : v < 0x10000 ? 2 : v < 0x200000 ? 3 : v < 0x4000000 ? 4 : 5;
        int leadBits = 6 - tails; // payload bits in the lead byte
        int lead = (0xFF << (7 - tails)) & 0xFF;
        f.put(lead | (v >>> (6 * tails)) & ((1 << leadBits) - 1), 8);
        for (int t = tails - 1; t >= 0; t--) {
            f.put(0x80 | (v >>> (6 * t)) & 0x3F, 8);
        }
    }

    /** CRC-8, polynomial x^8 + x^2 + x + 1 (0x07), initial 0, as the frame header's. */
    public static int crc8(byte[] b) {
        int crc = 0;
        for (byte x : b) {
            crc ^= x & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    /** CRC-16, polynomial x^16 + x^15 + x^2 + 1 (0x8005), initial 0, as the frame footer's. */
    public static int crc16(byte[] b) {
        int crc = 0;
        for (byte x : b) {
            crc ^= (x & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    /** A big-endian bit writer, most significant bit first, as FLAC packs its fields. */
    private static final class Bits {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int acc;
        private int count;

        Bits put(int v, int n) {
            return putLong(v, n);
        }

        Bits putLong(long v, int n) {
            for (int i = n - 1; i >= 0; i--) {
                acc = (acc << 1) | (int) ((v >>> i) & 1);
                if (++count == 8) {
                    bytes.write(acc);
                    acc = 0;
                    count = 0;
                }
            }
            return this;
        }

        Bits putBytes(byte[] b) {
            for (byte x : b) {
                put(x & 0xFF, 8);
            }
            return this;
        }

        void align() {
            while (count != 0) {
                put(0, 1);
            }
        }

        byte[] toByteArray() {
            if (count != 0) {
                throw new IllegalStateException("not at a byte boundary");
            }
            return bytes.toByteArray();
        }
    }
}
