package la.methc.audiobuffer.internal;

import java.util.concurrent.atomic.AtomicLong;
import la.methc.api.Host;
import la.methc.api.Mutability;
import la.methc.api.OscArgs;
import la.methc.api.ResourceDef;
import la.methc.audiobuffer.AudioBuffer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ResourceDef of {@link AudioBuffer}: {@code /resource/new s:}{@value AudioBuffer#URI}
 * {@code i:id i:numChannels i:numFrames [f:sampleRate]} builds a zeroed buffer; the sample rate defaults to the
 * engine's. {@code i:id s:path [i:startFrame [i:frames]]} builds one from a sound file in the sample root, of the
 * file's channels, frames and sample rate ({@link BufferFromFile}), as scsynth's {@code /b_allocRead}.
 *
 * <p><b>Memory cap.</b> All live buffers of this def together may hold at most {@code maxBytes} bytes of samples
 * (4 per sample; default {@value #DEFAULT_MAX_BYTES}, i.e. 1 GiB). A request over the cap is refused with a reason
 * the client sees in {@code /resource/error}, and so is one the Java heap cannot hold: a client never brings
 * the engine down with an {@link OutOfMemoryError}. The reservation is taken before allocating and given back
 * in {@link #destroy}; construct and destroy may run on different worker threads, hence the {@link AtomicLong}.
 *
 * <p><b>Configuration</b> ({@link AudioBufferConfig}: {@code maxBytes}, a number of bytes, optionally with a
 * binary suffix {@code k}, {@code m} or {@code g}): ConfigAdmin PID {@value #PID}, then the system property, then
 * the framework property {@value #MAX_BYTES_PROPERTY} ({@code conf/config.properties}); see {@link MaxBytes}. A
 * new configuration changes the cap in place: live buffers stay; lowering the cap below what they hold only
 * refuses new ones.
 */
@Component(service = ResourceDef.class, configurationPid = AudioBufferDef.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AudioBufferConfig.class)
public final class AudioBufferDef implements ResourceDef {

    private static final Logger LOG = LoggerFactory.getLogger(AudioBufferDef.class);

    /** ConfigAdmin PID. */
    public static final String PID = "la.methc.audiobuffer";
    /** Configuration key (ConfigAdmin) of the cap. */
    public static final String MAX_BYTES = "maxBytes";
    /** System or framework property of the cap. */
    public static final String MAX_BYTES_PROPERTY = "methcla.audiobuffer.maxBytes";
    /** 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** Most channels per buffer. */
    public static final int MAX_CHANNELS = 1024;
    /** Most frames per channel: the largest Java array the VMs reliably allocate. */
    public static final int MAX_FRAMES = Integer.MAX_VALUE - 8;

    private static final String USAGE = "i:numChannels i:numFrames [f:sampleRate]";

    /** Bytes held by live bodies of this def (and by constructions under way). */
    private final AtomicLong reserved = new AtomicLong();
    private volatile long maxBytes;

    /** DS: the cap from ConfigAdmin, the system or framework property, or the default. */
    @Activate
    public AudioBufferDef(BundleContext context, AudioBufferConfig config) {
        this(MaxBytes.resolve(config, key -> property(context, key)));
    }

    /** A def with cap {@code maxBytes} (&gt; 0), configured by nobody: for tests. */
    AudioBufferDef(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** DS: a new configuration. Changes the cap only; live buffers stay. */
    @Modified
    void modified(BundleContext context, AudioBufferConfig config) {
        long cap = MaxBytes.resolve(config, key -> property(context, key));
        if (cap != maxBytes) {
            LOG.info("AudioBuffer memory cap {} -> {} bytes ({} reserved)", maxBytes, cap, reserved.get());
            maxBytes = cap;
        }
    }

    @Override
    public String uri() {
        return AudioBuffer.URI;
    }

    @Override
    public Mutability mutability() {
        return Mutability.MUTABLE;
    }

    /**
     * Worker. {@code i:numChannels i:numFrames [f:sampleRate]}: a zeroed buffer; {@code s:path [i:startFrame
     * [i:frames]]}: a buffer read from a sound file. Or a refusal with its reason.
     */
    @Override
    public Object construct(Host host, OscArgs args) {
        if (args.has(0) && args.get(0) instanceof String) {
            return BufferFromFile.read(this, host, args);
        }
        if (args.size() < 2 || args.size() > 3) {
            throw new IllegalArgumentException("AudioBuffer expects " + USAGE + ", got " + args.size()
                    + (args.size() == 1 ? " argument" : " arguments"));
        }
        int numChannels = intArg(args, 0, "numChannels");
        int numFrames = intArg(args, 1, "numFrames");
        double sampleRate = args.has(2) ? floatArg(args, 2, "sampleRate") : host.sampleRate();
        if (numChannels <= 0 || numChannels > MAX_CHANNELS) {
            throw new IllegalArgumentException("numChannels must be 1.." + MAX_CHANNELS + ", got " + numChannels);
        }
        if (numFrames <= 0 || numFrames > MAX_FRAMES) {
            throw new IllegalArgumentException("numFrames must be 1.." + MAX_FRAMES + ", got " + numFrames);
        }
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sampleRate must be positive and finite, got " + sampleRate
                    + (args.has(2) ? "" : " (the engine's)"));
        }
        long bytes = bytes(numChannels, numFrames);
        return new AudioBufferBody(this, allocate(numChannels, numFrames, bytes), sampleRate, bytes);
    }

    /**
     * Worker. Zeroed planar arrays of {@code bytes} (see {@link #bytes}), reserved against the cap; refused with
     * the reason when over the cap or more than the heap holds. The caller gives the bytes back with
     * {@link #unreserve} should it not build a body of them.
     */
    float[][] allocate(int numChannels, int numFrames, long bytes) {
        reserve(numChannels, numFrames, bytes);
        try {
            return new float[numChannels][numFrames];
        } catch (OutOfMemoryError e) {
            reserved.addAndGet(-bytes);
            throw new IllegalArgumentException(shape(numChannels, numFrames) + " needs " + bytes
                    + " bytes: the Java heap cannot hold it now (" + remaining() + " bytes remain under the cap of "
                    + maxBytes + ")");
        }
    }

    /** Worker. Gives back a reservation of {@link #allocate} that built no body. */
    void unreserve(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /** Worker. Gives the body's reservation back; never throws. Foreign bodies are logged and ignored. */
    @Override
    public void destroy(Host host, Object body) {
        if (!(body instanceof AudioBufferBody b) || b.owner != this) {
            LOG.warn("AudioBuffer destroy: ignoring a body this def did not build: {}",
                    body == null ? "null" : body.getClass().getName());
            return;
        }
        if (b.markReleased()) {
            reserved.addAndGet(-b.bytes);
        } else {
            LOG.warn("AudioBuffer destroy: {} was destroyed before; ignored", b);
        }
    }

    /** Bytes held by live buffers now. */
    public long reservedBytes() {
        return reserved.get();
    }

    /** The cap on {@link #reservedBytes()}. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Takes {@code bytes} of the cap, or refuses with the requested and remaining bytes. */
    private void reserve(int numChannels, int numFrames, long bytes) {
        while (true) {
            long cap = maxBytes;
            long held = reserved.get();
            long left = Math.max(0, cap - held);
            if (bytes > left) {
                throw new IllegalArgumentException(shape(numChannels, numFrames) + " needs " + bytes
                        + " bytes, over the memory cap: " + left + " of " + cap + " bytes remain");
            }
            if (reserved.compareAndSet(held, held + bytes)) {
                return;
            }
        }
    }

    private long remaining() {
        return Math.max(0, maxBytes - reserved.get());
    }

    /** Sample bytes of a buffer; refuses a size that does not fit a long (it cannot here, but says so if it did). */
    static long bytes(int numChannels, int numFrames) {
        try {
            return Math.multiplyExact(Math.multiplyExact((long) numChannels, (long) numFrames), (long) Float.BYTES);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(shape(numChannels, numFrames) + " is too large: its size overflows");
        }
    }

    static String shape(int numChannels, int numFrames) {
        return "AudioBuffer of " + numChannels + (numChannels == 1 ? " channel x " : " channels x ") + numFrames
                + " frames";
    }

    private static int intArg(OscArgs args, int index, String name) {
        try {
            return args.intAt(index);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + " (AudioBuffer expects " + USAGE + ")");
        }
    }

    private static float floatArg(OscArgs args, int index, String name) {
        try {
            return args.floatAt(index);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + " (AudioBuffer expects " + USAGE + ")");
        }
    }

    /** System property first (the command line), then the framework's ({@code conf/config.properties}). */
    private static String property(BundleContext context, String key) {
        String value = System.getProperty(key);
        return value != null || context == null ? value : context.getProperty(key);
    }
}
