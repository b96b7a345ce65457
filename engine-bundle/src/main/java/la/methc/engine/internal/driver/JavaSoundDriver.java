package la.methc.engine.internal.driver;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code javasound} driver: a sound card through {@code javax.sound.sampled}. Output is a
 * {@link SourceDataLine} of 16-bit signed little-endian PCM at the engine's sample rate and output channel
 * count, with a buffer of a few blocks; the RT thread converts each block to bytes (clipped to [-1, 1]) and
 * writes it, and the blocking {@code write} paces the loop. Inputs come from a {@link TargetDataLine} when
 * {@code numInputs > 0} and one opens, else they are silent (logged once, at open).
 *
 * <p>Created by {@link #open(DriverOptions)}, which opens the lines at once so that a machine without a
 * usable sound card is known before the engine starts (see {@link Drivers#open}).
 *
 * <p>Untested on the build machine (it has no sound card). A real-time line for tests: the JACK dummy backend
 * and the ALSA jack plugin, {@code /work/shared/docs/headless-javasound.sh}; {@code JavaSoundDriverTest} runs
 * against it when a line opens. Note that ALSA's {@code null} PCM accepts a line but does not pace
 * {@code write}, so there the loop runs faster than real time.
 */
public final class JavaSoundDriver extends RtThreadDriver {

    public static final String NAME = "javasound";

    /** Default line buffer: this many blocks, but at least {@link #MIN_BUFFER_FRAMES}. */
    public static final int DEFAULT_BUFFER_BLOCKS = 4;
    /** Java's ALSA lines underrun with much less than 10 ms of buffer. */
    public static final int MIN_BUFFER_FRAMES = 512;

    private static final Logger LOG = LoggerFactory.getLogger(JavaSoundDriver.class);

    private final SourceDataLine output;
    private final TargetDataLine input;
    private final float[][] inputs;
    private final float[][] outputs;
    private final byte[] outBytes;
    private final byte[] inBytes;

    private JavaSoundDriver(DriverOptions options, SourceDataLine output, TargetDataLine input) {
        super(NAME, options);
        this.output = output;
        this.input = input;
        inputs = new float[options.numInputs()][options.blockSize()];
        outputs = new float[options.numOutputs()][options.blockSize()];
        outBytes = new byte[options.blockSize() * options.numOutputs() * 2];
        inBytes = input == null ? null : new byte[options.blockSize() * options.numInputs() * 2];
    }

    /** The line format: 16-bit signed little-endian PCM. */
    public static AudioFormat format(int sampleRate, int channels) {
        return new AudioFormat(sampleRate, 16, channels, true, false);
    }

    /** {@link #open(DriverOptions, int)} with {@value #DEFAULT_BUFFER_BLOCKS} blocks of buffer. */
    public static JavaSoundDriver open(DriverOptions options) throws LineUnavailableException {
        return open(options, DEFAULT_BUFFER_BLOCKS);
    }

    /**
     * Opens the output line (and the input line, if inputs are wanted and one opens).
     *
     * @throws LineUnavailableException when a matching line exists but cannot be opened (e.g. in use)
     * @throws IllegalArgumentException when no line matches the format (no sound card, a channel count or
     *     sample rate the device does not support) or there are no output channels
     * @throws SecurityException when the security manager forbids audio
     */
    public static JavaSoundDriver open(DriverOptions options, int bufferBlocks) throws LineUnavailableException {
        if (options.numOutputs() == 0) {
            throw new IllegalArgumentException("javasound needs at least one output channel");
        }
        if (bufferBlocks < 1) {
            throw new IllegalArgumentException("bufferBlocks must be positive: " + bufferBlocks);
        }
        int bufferFrames = Math.max(bufferBlocks * options.blockSize(), MIN_BUFFER_FRAMES);
        AudioFormat outFormat = format(options.sampleRate(), options.numOutputs());
        SourceDataLine out = AudioSystem.getSourceDataLine(outFormat);
        try {
            out.open(outFormat, bufferFrames * outFormat.getFrameSize());
        } catch (LineUnavailableException | RuntimeException e) {
            out.close();
            throw e;
        }
        TargetDataLine in = null;
        if (options.numInputs() > 0) {
            AudioFormat inFormat = format(options.sampleRate(), options.numInputs());
            try {
                in = AudioSystem.getTargetDataLine(inFormat);
                in.open(inFormat, bufferFrames * inFormat.getFrameSize());
            } catch (LineUnavailableException | RuntimeException e) {
                if (in != null) {
                    in.close();
                }
                in = null;
                LOG.info("javasound: no input line for {} ({}); the {} hardware inputs are silent", inFormat,
                        e.getMessage(), options.numInputs());
            }
        }
        LOG.info("javasound: output {} ({} line, buffer {} frames), input {}", outFormat,
                out.getClass().getSimpleName(), out.getBufferSize() / outFormat.getFrameSize(),
                in == null ? "silent" : in.getFormat().toString());
        return new JavaSoundDriver(options, out, in);
    }

    /** Whether inputs come from a line (else they are silent). */
    public boolean hasInputLine() {
        return input != null;
    }

    /** The output line's buffer in frames, as the device granted it. */
    public int bufferFrames() {
        return output.getBufferSize() / output.getFormat().getFrameSize();
    }

    @Override
    void loop(AudioCallback callback) {
        final float[][] in = inputs;
        final float[][] out = outputs;
        final byte[] outBuf = outBytes;
        final byte[] inBuf = inBytes;
        final SourceDataLine outLine = output;
        final TargetDataLine inLine = input;
        if (inLine != null) {
            inLine.start();
        }
        outLine.start();
        while (running) {
            if (inLine != null) {
                int got = 0;
                while (got < inBuf.length && running) {
                    got += inLine.read(inBuf, got, inBuf.length - got);
                }
                fromPcm16(inBuf, in);
            }
            callback.process(in, out);
            toPcm16(out, outBuf);
            int written = 0;
            while (written < outBuf.length && running) {
                written += outLine.write(outBuf, written, outBuf.length - written);
            }
        }
    }

    @Override
    void wake(Thread rt) {
        // a blocked write or read returns when its line is stopped or flushed
        output.stop();
        output.flush();
        if (input != null) {
            input.stop();
            input.flush();
        }
    }

    @Override
    void release() {
        output.close();
        if (input != null) {
            input.close();
        }
    }

    /** RT. Interleaves {@code channels} into 16-bit little-endian PCM, clipped to [-1, 1] (NaN → 0). */
    static void toPcm16(float[][] channels, byte[] pcm) {
        int numChannels = channels.length;
        for (int c = 0; c < numChannels; c++) {
            float[] x = channels[c];
            int frames = pcm.length / (2 * numChannels);
            for (int f = 0, i = 2 * c; f < frames; f++, i += 2 * numChannels) {
                float v = x[f];
                v = v > 1f ? 1f : (v < -1f ? -1f : v);
                int s = Math.round(v * 32767f); // NaN rounds to 0
                pcm[i] = (byte) s;
                pcm[i + 1] = (byte) (s >> 8);
            }
        }
    }

    /** RT. De-interleaves 16-bit little-endian PCM into {@code channels}, scaled to [-1, 1). */
    static void fromPcm16(byte[] pcm, float[][] channels) {
        int numChannels = channels.length;
        for (int c = 0; c < numChannels; c++) {
            float[] x = channels[c];
            int frames = pcm.length / (2 * numChannels);
            for (int f = 0, i = 2 * c; f < frames; f++, i += 2 * numChannels) {
                x[f] = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8)) / 32768f;
            }
        }
    }
}
