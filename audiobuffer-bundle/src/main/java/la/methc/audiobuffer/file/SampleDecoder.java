package la.methc.audiobuffer.file;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;

/**
 * Decodes one sample of an interleaved PCM frame to float: signed or unsigned integers of 8 to 32 bits scaled
 * by 1 / 2^(bits - 1) (so -1 ≤ x < 1, and 16- and 24-bit values are exact), 32- and 64-bit IEEE floats as they
 * are, either byte order. Worker threads only; used by {@link SoundFile}.
 */
final class SampleDecoder {

    private final int bytes;
    private final boolean bigEndian;
    private final boolean signed;
    private final boolean floating;
    private final double scale;
    private final long unsignedOffset;

    private SampleDecoder(int bytes, boolean bigEndian, boolean signed, boolean floating) {
        this.bytes = bytes;
        this.bigEndian = bigEndian;
        this.signed = signed;
        this.floating = floating;
        int bits = bytes * 8;
        scale = floating ? 1.0 : 1.0 / (1L << (bits - 1));
        unsignedOffset = floating ? 0 : 1L << (bits - 1);
    }

    /** The decoder for {@code f}, or an IllegalArgumentException naming what is not supported. */
    static SampleDecoder of(AudioFormat f, String name) {
        int bits = f.getSampleSizeInBits();
        int channels = f.getChannels();
        Encoding e = f.getEncoding();
        boolean floating = e.equals(Encoding.PCM_FLOAT);
        boolean ok = floating ? bits == 32 || bits == 64 : bits == 8 || bits == 16 || bits == 24 || bits == 32;
        if (!ok || channels < 1 || f.getFrameSize() != channels * (bits / 8)) {
            throw new IllegalArgumentException("cannot read " + name + ": unsupported sample format " + f
                    + " (integer PCM of 8, 16, 24 or 32 bits, or 32- or 64-bit float)");
        }
        // 8-bit is one byte: its order does not matter (the JDK reports it either way)
        return new SampleDecoder(bits / 8, f.isBigEndian(), e.equals(Encoding.PCM_SIGNED), floating);
    }

    int bytesPerSample() {
        return bytes;
    }

    float decode(byte[] b, int at) {
        long v = 0;
        if (bigEndian) {
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (b[at + i] & 0xFF);
            }
        } else {
            for (int i = bytes - 1; i >= 0; i--) {
                v = (v << 8) | (b[at + i] & 0xFF);
            }
        }
        if (floating) {
            return bytes == 4 ? Float.intBitsToFloat((int) v) : (float) Double.longBitsToDouble(v);
        }
        if (signed) {
            int shift = 64 - 8 * bytes;
            v = (v << shift) >> shift; // sign-extend
        } else {
            v -= unsignedOffset;
        }
        return (float) (v * scale);
    }
}
