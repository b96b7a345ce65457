package la.methc.plugins.sampler.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import la.methc.api.CommandDef;
import la.methc.api.CommandPlan;
import la.methc.api.CommandReply;
import la.methc.api.OscArgs;

/** Runs a CommandDef as the engine would (plan, then task), and writes sound files with the JDK. */
final class Commands {

    private Commands() {
    }

    static CommandPlan plan(CommandDef def, FakeHost host, Object... args) {
        return def.plan(host, OscArgs.of(args));
    }

    /** Plans {@code args} and runs the task on {@code bodies} (the plan's resources, in order). */
    static CommandReply run(CommandDef def, FakeHost host, Object[] bodies, Object... args) throws Exception {
        CommandPlan plan = plan(def, host, args);
        return plan.task().perform(host, bodies);
    }

    /**
     * Writes {@code channels} (planar) to {@code file} with AudioSystem: integer PCM of {@code bits} (values
     * rounded from x · 2^(bits - 1), clipped) or, with {@code floating}, 32-bit float.
     */
    static void writeWithJdk(Path file, AudioFileFormat.Type type, int bits, boolean floating, boolean bigEndian,
            float rate, float[]... channels) throws IOException {
        int ch = channels.length;
        int frames = channels[0].length;
        int bytes = bits / 8;
        AudioFormat.Encoding enc = floating ? AudioFormat.Encoding.PCM_FLOAT
                : bits == 8 && type == AudioFileFormat.Type.WAVE ? AudioFormat.Encoding.PCM_UNSIGNED
                        : AudioFormat.Encoding.PCM_SIGNED;
        AudioFormat f = new AudioFormat(enc, rate, bits, ch, ch * bytes, rate, bigEndian);
        ByteBuffer b = ByteBuffer.allocate(frames * ch * bytes)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] c : channels) {
                if (floating) {
                    b.putFloat(c[i]);
                    continue;
                }
                long full = 1L << (bits - 1);
                long v = Math.max(-full, Math.min(full - 1, Math.round(c[i] * (double) full)));
                if (enc == AudioFormat.Encoding.PCM_UNSIGNED) {
                    v += full;
                }
                for (int k = 0; k < bytes; k++) {
                    int shift = bigEndian ? 8 * (bytes - 1 - k) : 8 * k;
                    b.put((byte) (v >> shift));
                }
            }
        }
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, frames);
        AudioSystem.write(in, type, file.toFile());
    }

    /** Planar channels of {@code file}, decoded by the JDK (float or 16-bit files). */
    static float[][] readWithJdk(Path file) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            byte[] all = in.readAllBytes();
            int ch = f.getChannels();
            int bytes = f.getSampleSizeInBits() / 8;
            int frames = all.length / (ch * bytes);
            ByteBuffer b = ByteBuffer.wrap(all).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            float[][] out = new float[ch][frames];
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < ch; c++) {
                    out[c][i] = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT ? b.getFloat()
                            : b.getShort() / 32768f;
                }
            }
            return out;
        }
    }

    /** Values exactly representable in 16 bits: k / 32768. */
    static float[] pcm16Ramp(int frames, int seedOffset) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            int k = ((i * 7919 + seedOffset * 104729) % 65536) - 32768;
            s[i] = k / 32768f;
        }
        return s;
    }

    static float[] copy(float[] s) {
        return Arrays.copyOf(s, s.length);
    }
}
