package la.methc.plugins.sampler.internal;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the cubic kernel runs near rate 1 through {@link CubicVectors} (ADR 0016), and the linear one through
 * {@link LinearVectors} (ADR 0023): only where the VM has the module {@code jdk.incubator.vector} (the launcher adds
 * it), the bundle is wired to it and the CPU has 256-bit vectors; the cubic one also only where the fused kernel is
 * in use. Vector code allocates until the JIT has compiled it, so a daemon thread of its own,
 * {@code methcla-vector-warm-up}, runs each kernel on scratch arrays (NRT) until a batch of calls allocates nothing
 * and gave {@code Interpolation}'s scalar output bit for bit, and only then turns it on. Where the CPU has 512-bit
 * vectors it warms the 16-lane cubic kernel first ({@link #wideOn}, the one most cubic runs take), then, once the JIT
 * compilers are quiet, the 8-lane one ({@link #narrowOn}; ADR 0021): so that a render's first blocks share the
 * compiler and the cores with one warm-up, not two. The linear kernel ({@link #linearOn}) comes next after the
 * stage under way once a linear play synth was made ({@link #wantLinear}), else last, 2 s after the cubic ones and
 * once the JIT is quiet (so that it does not compete with a render of cubic voices). All kernels give the same bits,
 * so a synth may change kernel between blocks.
 */
final class VectorKernel {

    private static final Logger LOG = LoggerFactory.getLogger(VectorKernel.class);
    private static final String MODULE = "jdk.incubator.vector";
    /** bin/methcla's system property for a render that writes the render cache's class-data archive (ADR 0024). */
    private static final String ARCHIVING_PROPERTY = "methcla.render.archiving";
    /** Each kernel's warm-up budget: a kernel the VM has not compiled by then stays off. */
    private static final long BUDGET_NANOS = 20_000_000_000L;
    private static final int BATCH = 2_000;
    /**
     * Runs in a batch while the kernel still allocates (is not compiled yet), and the rest after it: the calls so
     * far asked for the compilation, and running interpreted vector code meanwhile only takes a core.
     */
    private static final int PROBE = 32;
    private static final long REST_MILLIS = 2;
    /** The JIT is quiet when its compilers spent less than this many ms in the last {@link #QUIET_MILLIS}. */
    private static final long QUIET_JIT_MILLIS = 5;
    private static final long QUIET_MILLIS = 100;
    /** How long the warm-up, done with the cubic kernels, waits for a linear play synth before it warms that kernel. */
    private static final long LINEAR_IDLE_NANOS = 2_000_000_000L;
    private static final long LINEAR_POLL_MILLIS = 20;
    /** The longest wait for a quiet JIT: after it the 8-lane kernel is warmed all the same. */
    private static final long QUIET_MAX_NANOS = 10_000_000_000L;

    /** Written once each by the warm-up thread, false to true; read by RT a few times a run (plain loads on x86). */
    private static volatile boolean wide;
    private static volatile boolean narrow;
    private static volatile boolean linear;
    /** Set NRT once a play synth with linear interpolation was made: its kernel is warmed next. */
    private static volatile boolean linearWanted;
    /** The warm-up thread's own: whether it warmed the linear kernel already (whatever came of it). */
    private static boolean linearTried;

    /** The kernels {@link #warm} warms. */
    private static final int CUBIC16 = 0;
    private static final int CUBIC8 = 1;
    private static final int LINEAR = 2;

    private VectorKernel() {
    }

    /**
     * RT. Whether {@link CubicVectors#cubic} may run now: one of its kernels is warm. Checked before the call, so that
     * {@code CubicVectors} is never loaded where the VM has no vector module.
     */
    static boolean on() {
        return wide || narrow;
    }

    /** RT. Whether {@link CubicVectors#cubic16} is warm (never where the CPU has no 512-bit vectors). */
    static boolean wideOn() {
        return wide;
    }

    /** RT. Whether {@link CubicVectors#cubic8} is warm. */
    static boolean narrowOn() {
        return narrow;
    }

    /**
     * RT. Whether {@link LinearVectors#linear} may run now. Checked before the call, so that {@code LinearVectors} is
     * never loaded where the VM has no vector module.
     */
    static boolean linearOn() {
        return linear;
    }

    /** NRT, where a play synth with linear interpolation is made: the warm-up takes its kernel next. */
    static void wantLinear() {
        if (!linearWanted) {
            linearWanted = true;
        }
    }

    /** NRT (tests). Whether the warm-up is over with every kernel this CPU has on. */
    static boolean done() {
        return narrow && (wide || !CubicVectors.wide()) && linear;
    }

    static {
        if (ModuleLayer.boot().findModule(MODULE).isPresent()) {
            Thread t = new Thread(VectorKernel::warmUp, "methcla-vector-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        } else {
            LOG.debug("cubic and linear kernels: scalar (no module {} in this VM)", MODULE);
        }
    }

    /**
     * NRT. Starts the warm-up, once (the class's initialisation does), where the VM has the module: as soon as the
     * play SynthDef exists, so that the kernel is warm by the time voices play.
     */
    static void start() {
        // nothing else to do: the static initialiser has started it
    }

    private static void warmUp() {
        try {
            Scratch s = new Scratch();
            boolean cubic = cubicPossible();
            if (cubic && CubicVectors.wide()) {
                String failed = warm(s, CUBIC16);
                if (failed == null) {
                    wide = true;
                    LOG.info("cubic kernel: vector, 16 lanes ({}), compiled and allocating nothing", MODULE);
                    linearIfWanted(s);
                    if (!awaitQuietCompilers(false)) {
                        LOG.debug("cubic kernel: the JIT compilers were busy for {} s; warming the 8-lane kernel "
                                + "all the same", QUIET_MAX_NANOS / 1_000_000_000L);
                    }
                } else {
                    LOG.warn("cubic kernel: the 16-lane vector kernel stays off: it {}", failed);
                }
            }
            if (cubic) {
                linearIfWanted(s);
                String failed = warm(s, CUBIC8);
                if (failed == null) {
                    narrow = true;
                    LOG.info("cubic kernel: vector, 8 lanes ({}), compiled and allocating nothing", MODULE);
                } else {
                    LOG.warn("cubic kernel: {} (the 8-lane vector kernel {})", state(), failed);
                }
            }
            if (!linearTried) {
                // nobody asked for it yet: a while later (a render of cubic voices is mostly over by then, and the
                // warm-up would compete with it for the JIT), or as soon as somebody does; not at all in a render
                // that writes the class-data archive, which must not exit with it queued for the JIT (ADR 0024)
                if (!awaitLinearWanted()) {
                    if (Boolean.getBoolean(ARCHIVING_PROPERTY)) {
                        return;
                    }
                    awaitQuietCompilers(true);
                }
                warmLinear(s);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("cubic kernel: {}; linear kernel: {} (the warm-up was interrupted)", cubicState(), linearState());
        } catch (LinkageError | RuntimeException e) {
            // the module is in the VM but not wired to this bundle, or no allocation counter
            LOG.info("cubic kernel: {}; linear kernel: {} ({})", cubicState(), linearState(), e.toString());
        }
    }

    /** NRT. Whether the cubic kernel can run as vectors here; logs why not. */
    private static boolean cubicPossible() {
        if (!FusedMultiplyAdd.available()) {
            LOG.info("cubic kernel: scalar (no fused multiply-add in this VM)");
            return false;
        }
        if (!CubicVectors.supported()) {
            LOG.info("cubic kernel: scalar (no 256-bit float vectors on this CPU)");
            return false;
        }
        return true;
    }

    /** NRT. Waits up to {@link #LINEAR_IDLE_NANOS} for a linear play synth: whether one was made. */
    private static boolean awaitLinearWanted() throws InterruptedException {
        long deadline = System.nanoTime() + LINEAR_IDLE_NANOS;
        while (!linearWanted && System.nanoTime() < deadline) {
            Thread.sleep(LINEAR_POLL_MILLIS);
        }
        return linearWanted;
    }

    /** The warm-up thread, between two stages: the linear kernel, if a linear play synth was made meanwhile. */
    private static void linearIfWanted(Scratch s) throws InterruptedException {
        if (linearWanted && !linearTried) {
            warmLinear(s);
        }
    }

    /** The warm-up thread, once: warms the linear kernel and turns it on, or says why it stays off. */
    private static void warmLinear(Scratch s) throws InterruptedException {
        linearTried = true;
        if (!LinearVectors.supported()) {
            LOG.info("linear kernel: scalar (no 256-bit double vectors on this CPU)");
            return;
        }
        try {
            String failed = warm(s, LINEAR);
            if (failed == null) {
                linear = true;
                LOG.info("linear kernel: vector, {} lanes ({}), compiled and allocating nothing", LinearVectors.lanes(),
                        MODULE);
            } else {
                LOG.warn("linear kernel: scalar (the vector kernel {})", failed);
            }
        } catch (LinkageError | RuntimeException e) {
            // a problem of the linear kernel's alone: the cubic kernels' warm-up goes on
            LOG.info("linear kernel: scalar ({})", e.toString());
        }
    }

    /** What runs for linear interpolation: the words of the log's {@code linear kernel: …} lines. */
    private static String linearState() {
        return linear ? "vector" : "scalar";
    }

    /** What runs where the 8-lane kernel stays off: the words the log's {@code cubic kernel: …} lines use. */
    private static String state() {
        return wide ? "16 lanes, else scalar" : "scalar";
    }

    /** What runs for cubic interpolation now, whichever stage the warm-up reached. */
    private static String cubicState() {
        return narrow ? (wide ? "vector, 16 and 8 lanes" : "vector, 8 lanes") : state();
    }

    /**
     * NRT. Waits until the JIT compilers spent less than {@value #QUIET_JIT_MILLIS} ms in {@value #QUIET_MILLIS} ms:
     * true, else false after {@link #QUIET_MAX_NANOS} (true at once where the VM does not count their time); with
     * {@code untilLinearWanted}, also true as soon as a linear play synth is made (its kernel is wanted now).
     */
    private static boolean awaitQuietCompilers(boolean untilLinearWanted) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return true;
        }
        long deadline = System.nanoTime() + QUIET_MAX_NANOS;
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET_MILLIS);
            if (untilLinearWanted && linearWanted) {
                return true;
            }
            long now = jit.getTotalCompilationTime();
            if (now - last < QUIET_JIT_MILLIS) {
                return true;
            }
            last = now;
        }
        return false;
    }

    /**
     * NRT. Runs one kernel ({@link #CUBIC16}, {@link #CUBIC8} or {@link #LINEAR}) in short batches until one allocates
     * nothing, then in batches of {@link #BATCH} until 3 in a row do: null, else what went wrong (its output differed,
     * or {@link #BUDGET_NANOS} passed).
     */
    private static String warm(Scratch s, int kernel) throws InterruptedException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        boolean probing = true;
        int clean = 0;
        while (clean < 3) {
            if (System.nanoTime() > deadline) {
                return "still allocated after " + BUDGET_NANOS / 1_000_000_000L + " s";
            }
            long before = threads.getThreadAllocatedBytes(self);
            boolean same = s.batch(kernel, probing ? PROBE : BATCH);
            long bytes = threads.getThreadAllocatedBytes(self) - before;
            if (!same) {
                return "gave other output than the scalar kernel";
            }
            if (bytes != 0) {
                probing = true;
                clean = 0;
                Thread.sleep(REST_MILLIS);
            } else if (probing) {
                probing = false;
            } else {
                clean++;
            }
        }
        return null;
    }

    /**
     * The warm-up's arrays: noise, a vector and a scalar output; runs of every length up to 64, steps near 1, near
     * either end of the noise.
     */
    private static final class Scratch {
        private final float[] src = new float[256];
        private final float[] vec = new float[64];
        private final float[] ref = new float[64];

        Scratch() {
            SplittableRandom random = new SplittableRandom(15);
            for (int i = 0; i < src.length; i++) {
                src[i] = (float) random.nextDouble(-1, 1);
            }
        }

        /**
         * Whether {@code runs} runs of one kernel gave the sample-by-sample kernel's output, bit for bit (every 61st
         * checked): {@link #CUBIC16}, runs of 16 to 64 at steps within a sixteenth of a frame of 1; else of 1 to 64
         * within an eighth ({@link #CUBIC8}) or within {@code 1 / LinearVectors.lanes()} ({@link #LINEAR}, which
         * also takes every 16th run at a step of 1.5, one it leaves to the scalar kernel).
         */
        boolean batch(int kernel, int runs) {
            boolean same = true;
            boolean linear = kernel == LINEAR;
            // the linear kernel's positions stay below the last frame, the cubic ones' below the last but one
            int last = linear ? src.length - 1 : src.length - 2;
            // steps within 2^32 >> (shift + 1) of 1: a sixteenth, an eighth, or 1 / the linear kernel's lanes
            int shift = kernel == CUBIC16 ? 3 : kernel == CUBIC8 ? 2
                    : Integer.numberOfTrailingZeros(LinearVectors.lanes()) - 1;
            for (int n = 0; n < runs; n++) {
                int k = kernel == CUBIC16 ? 16 + n % 49 : 1 + n % 64;
                // steps and low words from a hash of n; even runs start on one of the first 4 frames, odd ones end
                // within the last frame whose neighbours are all in the array: the groups at both of the array's
                // ends take their sample-by-sample branch from the first calls on, so that C2 (compiling this
                // kernel early, bin/methcla) does not compile it as never taken and drop back to slow code when a
                // voice reaches a buffer's end (a render did, 60 ms after turning the vector kernel on)
                long h = n * 0x9E37_79B9_7F4A_7C15L;
                // (| 1: never the limit itself, which the dispatch leaves out, nor rate 1 exactly)
                long sFix = linear && n % 16 == 15 ? 3L << 31 : (1L << 32) + (((int) h >> shift) | 1);
                long pFix = n % 2 == 0 ? ((long) (n >> 1) % 4 << 32) + (linear ? 0 : 1L << 32) + (h >>> 32)
                        : ((long) last << 32) - 1 - (k - 1) * sFix;
                if (kernel == CUBIC16) {
                    CubicVectors.cubic16(src, vec, 0, k, pFix, sFix);
                } else if (kernel == CUBIC8) {
                    CubicVectors.cubic8(src, vec, 0, k, pFix, sFix);
                } else {
                    LinearVectors.linear(src, vec, 0, k, pFix, sFix);
                }
                if (n % 61 == 0) {
                    if (linear) {
                        Interpolation.linearEach(src, ref, 0, k, pFix, sFix);
                    } else {
                        Interpolation.cubicEach(src, ref, 0, k, pFix, sFix);
                    }
                    for (int i = 0; i < k; i++) {
                        same &= Float.floatToRawIntBits(vec[i]) == Float.floatToRawIntBits(ref[i]);
                    }
                }
            }
            return same;
        }
    }
}
