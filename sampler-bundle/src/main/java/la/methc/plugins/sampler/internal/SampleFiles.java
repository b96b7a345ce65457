package la.methc.plugins.sampler.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import la.methc.api.wav.WavFormat;
import la.methc.api.wav.WavWriter;
import la.methc.audiobuffer.AudioBuffer;

/**
 * Sound files the buffer commands write (reading is {@link la.methc.audiobuffer.file.SoundFile}'s). Worker
 * threads only (blocking I/O).
 *
 * <p>Writing goes through the API bundle's {@link WavWriter} (the engine's render and recording files use it
 * too) into a temporary file next to the target, moved over it, so a failed write leaves no half file.
 */
final class SampleFiles {

    private SampleFiles() {
    }

    /**
     * Writes {@code buf} to {@code file} as a WAV of {@code format} at the buffer's sample rate (rounded to whole
     * Hz), creating the missing parent directories.
     *
     * @param name the path as the client gave it, for messages
     */
    static void writeWav(Path file, String name, AudioBuffer buf, WavFormat format) throws IOException {
        int channels = buf.numChannels();
        int frames = buf.numFrames();
        if (frames > WavWriter.maxFrames(format, channels)) {
            throw new IllegalArgumentException("cannot write " + name + ": " + frames + " frames of " + channels
                    + " channels is more than a WAV file of " + format.label() + " holds (4 GiB)");
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
            try (WavWriter w = WavWriter.create(tmp, rate, channels, format)) {
                w.write(buf.data(), frames);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(false); // on disk before it replaces the old file
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
}
