package la.methc.plugins.sampler.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import la.methc.audiobuffer.AudioBuffer;

/**
 * Sound files the buffer commands write (reading is {@link la.methc.audiobuffer.file.SoundFile}'s). Worker
 * threads only (blocking I/O).
 *
 * <p>Writing produces a 32-bit float WAV (WAVE_FORMAT_IEEE_FLOAT), written to a temporary file next to the
 * target and moved over it, so a failed write leaves no half file.
 */
final class SampleFiles {

    /** Frames decoded per read. */
    private static final int CHUNK_FRAMES = 4096;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAV_HEADER_BYTES = 44;

    private SampleFiles() {
    }

    /**
     * Writes {@code buf} to {@code file} as a 32-bit float WAV at the buffer's sample rate (rounded to whole
     * Hz), creating the missing parent directories.
     *
     * @param name the path as the client gave it, for messages
     */
    static void writeFloatWav(Path file, String name, AudioBuffer buf) throws IOException {
        int channels = buf.numChannels();
        int frames = buf.numFrames();
        long dataBytes = 4L * channels * frames;
        if (dataBytes + WAV_HEADER_BYTES - 8 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("cannot write " + name + ": " + dataBytes
                    + " bytes of samples is more than a WAV file holds (4 GiB)");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot write " + name + ": it is a directory");
        }
        int rate = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(buf.sampleRate())));
        Path dir = file.getParent();
        // not Files.createTempFile: its file is private (0600); this one gets the usual permissions
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot write " + name + ": " + e, e);
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer b = ByteBuffer.allocate(Math.max(WAV_HEADER_BYTES, CHUNK_FRAMES * 4 * channels))
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.put(ascii("RIFF")).putInt((int) (dataBytes + WAV_HEADER_BYTES - 8)).put(ascii("WAVE"));
                b.put(ascii("fmt ")).putInt(16).putShort((short) WAVE_FORMAT_IEEE_FLOAT).putShort((short) channels)
                        .putInt(rate).putInt(rate * 4 * channels).putShort((short) (4 * channels)).putShort((short) 32);
                b.put(ascii("data")).putInt((int) dataBytes);
                writeAll(ch, b);
                float[][] data = buf.data();
                for (int start = 0; start < frames; start += CHUNK_FRAMES) {
                    int end = Math.min(frames, start + CHUNK_FRAMES);
                    for (int i = start; i < end; i++) {
                        for (int c = 0; c < channels; c++) {
                            b.putFloat(data[c][i]);
                        }
                    }
                    writeAll(ch, b);
                }
                ch.force(false);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + name + ": " + e, e);
        }
    }

    private static void writeAll(FileChannel ch, ByteBuffer b) throws IOException {
        b.flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
        b.clear();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
