package la.methc.audiobuffer.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.audiobuffer.file.SoundFile;

/**
 * An AudioBuffer made from a sound file ({@code /resource/new s:}{@value la.methc.audiobuffer.AudioBuffer#URI}
 * {@code i:id s:path [i:startFrame [i:frames]]}): the file's channels and sample rate, and its frames from
 * {@code startFrame} (default 0), all of them or {@code frames} (0 or less: all of them, as scsynth's
 * {@code /b_allocRead} takes 0). The memory is reserved against the def's cap
 * before it is allocated. Worker threads only (blocking I/O).
 */
final class BufferFromFile {

    static final String USAGE = "s:path [i:startFrame [i:frames]]";

    private BufferFromFile() {
    }

    /** Worker. The body, or an IllegalArgumentException whose message the client sees in /resource/error. */
    static AudioBufferBody read(AudioBufferDef def, Host host, OscArgs args) {
        if (args.size() > 3) {
            throw new IllegalArgumentException("AudioBuffer from a file expects " + USAGE + ", got " + args.size()
                    + " arguments");
        }
        String name = args.stringAt(0);
        int start = arg(args, 1, "startFrame", 0, 0);
        int frames = arg(args, 2, "frames", -1, Integer.MIN_VALUE); // ≤ 0: to the end of the file
        Path file = host.samplePath(name); // refuses a path outside the sample root
        SoundFile in = null;
        try {
            in = SoundFile.open(file, name);
            long length = in.numFrames();
            if (length < 0) {
                throw new IllegalArgumentException("cannot read " + name + ": its header gives no length");
            }
            if (start >= length) {
                throw new IllegalArgumentException("startFrame " + start + " is not before the end of " + name
                        + " (" + length + " frames)");
            }
            long want = length - start;
            if (frames > 0) { // else all of them
                want = Math.min(want, frames);
            }
            if (want > AudioBufferDef.MAX_FRAMES) {
                throw new IllegalArgumentException(name + " has " + want + " frames, more than an AudioBuffer holds ("
                        + AudioBufferDef.MAX_FRAMES + ")");
            }
            int channels = in.numChannels();
            if (channels > AudioBufferDef.MAX_CHANNELS) {
                throw new IllegalArgumentException(name + " has " + channels + " channels, more than an AudioBuffer"
                        + " holds (" + AudioBufferDef.MAX_CHANNELS + ")");
            }
            int n = (int) want;
            long bytes = AudioBufferDef.bytes(channels, n);
            float[][] data = def.allocate(channels, n, bytes);
            try {
                in.skipFrames(start, "startFrame");
                int got = in.read(data, 0, n);
                if (got < n) {
                    throw new IllegalArgumentException(name + " ended after " + (start + got) + " of the "
                            + length + " frames its header gives");
                }
            } catch (IOException | RuntimeException e) {
                def.unreserve(bytes);
                throw e;
            }
            return new AudioBufferBody(def, data, in.sampleRate(), bytes);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read " + name + ": no such file in the sample root", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            close(in);
        }
    }

    /** A read-only file whose close fails changes nothing: the body (and its reservation) stands. */
    private static void close(SoundFile in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing was written; the samples are read
            }
        }
    }

    private static int arg(OscArgs args, int index, String name, int fallback, int min) {
        int v;
        try {
            v = args.intAt(index, fallback);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + " (AudioBuffer from a file expects "
                    + USAGE + ")");
        }
        if (args.has(index) && v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
        }
        return v;
    }
}
