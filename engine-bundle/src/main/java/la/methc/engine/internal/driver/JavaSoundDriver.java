package la.methc.engine.internal.driver;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code javasound} driver: a sound card through {@code javax.sound.sampled}, 16-bit PCM out through a
 * {@link SourceDataLine} and, when {@code numInputs > 0}, in from a {@link TargetDataLine}.
 * {@link #open(DriverOptions)} opens the lines at once, before the engine starts (see {@link Drivers#open}). The
 * RT thread then converts and writes each block and never waits inside a line; when the output stalls, it logs
 * one error and goes on paced by the clock. The stall rules and the tests: {@code docs/robustness.md}, "The sound
 * card".
 */
public final class JavaSoundDriver extends RtThreadDriver {

    public static final String NAME = "javasound";

    /** Default line buffer: this many blocks, but at least {@link #MIN_BUFFER_FRAMES}. */
    public static final int DEFAULT_BUFFER_BLOCKS = 4;
    /** Java's ALSA lines underrun with much less than 10 ms of buffer. */
    public static final int MIN_BUFFER_FRAMES = 512;
    /** A line that moves nothing for this long (or {@value #STALL_BUFFERS} buffers, if longer) has failed. */
    public static final long MIN_STALL_MILLIS = 1000;
    static final int STALL_BUFFERS = 8;
    /** Parking while the line has no room (data): about the time the missing frames take, within these. */
    private static final long MIN_POLL_NANOS = 100_000;
    private static final long MAX_POLL_NANOS = 2_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(JavaSoundDriver.class);

    private final SourceDataLine output;
    private final TargetDataLine input;
    private final float[][] inputs;
    private final float[][] outputs;
    private final byte[] outBytes;
    private final byte[] inBytes;
    private final int bufferFrames;
    private final long stallNanos;
    private final BlockPacer pacer;
    private volatile boolean outputFailed;
    private volatile boolean inputFailed;

    JavaSoundDriver(DriverOptions options, SourceDataLine output, TargetDataLine input, long stallMillis) {
        super(NAME, options);
        this.output = output;
        this.input = input;
        inputs = new float[options.numInputs()][options.blockSize()];
        outputs = new float[options.numOutputs()][options.blockSize()];
        outBytes = new byte[options.blockSize() * options.numOutputs() * 2];
        inBytes = input == null ? null : new byte[options.blockSize() * options.numInputs() * 2];
        bufferFrames = output.getBufferSize() / output.getFormat().getFrameSize();
        stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        pacer = new BlockPacer(options.sampleRate(), options.blockSize(), DummyDriver.MAX_LAG_BLOCKS);
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
            throw new IllegalArgumentException(JavaSoundText.noOutputChannel());
        }
        if (bufferBlocks < 1) {
            throw new IllegalArgumentException(JavaSoundText.badBufferBlocks(bufferBlocks));
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
                LOG.info(JavaSoundText.noInputLine(), inFormat, e.getMessage(), options.numInputs());
            }
        }
        int granted = out.getBufferSize() / outFormat.getFrameSize();
        long stallMillis = Math.max(MIN_STALL_MILLIS, STALL_BUFFERS * 1000L * granted / options.sampleRate());
        LOG.info(JavaSoundText.opened(), outFormat, out.getClass().getSimpleName(), granted,
                in == null ? JavaSoundText.silent() : in.getFormat().toString());
        return new JavaSoundDriver(options, out, in, stallMillis);
    }

    /** Whether inputs come from a line (else they are silent). */
    public boolean hasInputLine() {
        return input != null;
    }

    /** The output line's buffer in frames, as the device granted it at open. */
    public int bufferFrames() {
        return bufferFrames;
    }

    /** How long a line may move nothing before it counts as failed. */
    public long stallMillis() {
        return TimeUnit.NANOSECONDS.toMillis(stallNanos);
    }

    /** Whether the output line failed and the driver goes on without sound, paced by the clock (any thread). */
    public boolean outputFailed() {
        return outputFailed;
    }

    /** Whether the input line failed and the inputs are silent (any thread). */
    public boolean inputFailed() {
        return inputFailed;
    }

    @Override
    void loop(AudioCallback callback) {
        final float[][] in = inputs;
        final float[][] out = outputs;
        final byte[] outBuf = outBytes;
        final byte[] inBuf = inBytes;
        final SourceDataLine outLine = output;
        TargetDataLine inLine = input;
        if (inLine != null) {
            inLine.start();
        }
        outLine.start();
        while (running) {
            if (inLine != null) {
                if (transfer(inLine, inBuf, false)) {
                    fromPcm16(inBuf, in);
                } else if (running) {
                    inputFailed = true;
                    inLine = null;
                    silence(in);
                    LOG.error(JavaSoundText.inputStalled(), stallMillis());
                }
            }
            if (!running) {
                break;
            }
            callback.process(in, out);
            toPcm16(out, outBuf);
            if (!transfer(outLine, outBuf, true) && running) {
                outputFailed = true;
                LOG.error(JavaSoundText.outputStalled(), stallMillis());
                break;
            }
        }
        if (!running) {
            return;
        }
        // without a line, as the dummy driver: silent inputs, outputs dropped
        silence(in);
        final BlockPacer clock = pacer;
        clock.start();
        while (running) {
            callback.process(in, out);
            long skipped = clock.awaitNext(this, callback);
            if (skipped > 0) {
                callback.skipped(skipped); // time moves on with the clock (see DummyDriver)
            }
        }
    }

    /**
     * RT. Writes {@code buf} to the output line (or reads it from the input line), as much at a time as the
     * line has room (data) for, parking while it has none. True when done or no longer {@link #running};
     * false when the line moved nothing for {@link #stallMillis()}.
     */
    private boolean transfer(DataLine line, byte[] buf, boolean write) {
        final int frameSize = line.getFormat().getFrameSize();
        int done = 0;
        long stalledSince = 0;
        boolean stalled = false;
        while (done < buf.length) {
            if (!running) {
                return true;
            }
            int ready = Math.max(0, line.available());
            int chunk = Math.min(buf.length - done, ready - ready % frameSize);
            int n = 0;
            if (chunk > 0) {
                n = write ? ((SourceDataLine) line).write(buf, done, chunk)
                        : ((TargetDataLine) line).read(buf, done, chunk);
            }
            if (n > 0) {
                done += n;
                stalled = false;
                continue;
            }
            long now = System.nanoTime();
            if (!stalled) {
                stalled = true;
                stalledSince = now;
            } else if (now - stalledSince > stallNanos) {
                return false;
            }
            // no room (data) yet: about until the missing frames are there; room but nothing moved: an error
            long wait = chunk > 0 ? MAX_POLL_NANOS
                    : (buf.length - done - ready) / frameSize * 1_000_000_000L / options.sampleRate();
            LockSupport.parkNanos(this, Math.max(MIN_POLL_NANOS, Math.min(MAX_POLL_NANOS, wait)));
        }
        return true;
    }

    private static void silence(float[][] channels) {
        for (float[] c : channels) {
            Arrays.fill(c, 0f);
        }
    }

    @Override
    void wake(Thread rt) {
        // the RT thread parks while a line has no room (data), and paces by parking without one
        LockSupport.unpark(rt);
    }

    @Override
    void release() {
        output.stop();
        output.close();
        if (input != null) {
            input.stop();
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
