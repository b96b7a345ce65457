package la.methc.plugins.sampler.internal;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the cubic kernel runs near rate 1 through {@link CubicVectors} (ADR 0016): only where the VM has the
 * module {@code jdk.incubator.vector} (the launcher adds it to a server), the bundle is wired to it, the fused
 * kernel is in use and the CPU has 256-bit float vectors. Vector code allocates until the JIT has compiled it, so
 * a daemon thread of its own, {@code methcla-vector-warm-up}, runs the kernel on scratch arrays (NRT) until a
 * batch of calls allocates nothing and gave {@code Interpolation}'s scalar output bit for bit, and only then turns
 * it {@link #on}. Both kernels give the same bits, so a synth may change kernel between blocks.
 */
final class VectorKernel {

    private static final Logger LOG = LoggerFactory.getLogger(VectorKernel.class);
    private static final String MODULE = "jdk.incubator.vector";
    /** Warm-up budget: a VM that has not compiled the kernel by then keeps the scalar one. */
    private static final long BUDGET_NANOS = 20_000_000_000L;
    private static final int BATCH = 2_000;

    /** Written once by the warm-up thread; read by RT once per run (a plain load on x86). */
    private static volatile boolean on;

    private VectorKernel() {
    }

    /** RT. Whether {@link CubicVectors#cubic} may run now. */
    static boolean on() {
        return on;
    }

    static {
        if (ModuleLayer.boot().findModule(MODULE).isPresent()) {
            Thread t = new Thread(VectorKernel::warmUp, "methcla-vector-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        } else {
            LOG.debug("cubic kernel: scalar (no module {} in this VM)", MODULE);
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
            if (!FusedMultiplyAdd.available()) {
                LOG.info("cubic kernel: scalar (no fused multiply-add in this VM)");
                return;
            }
            if (!CubicVectors.supported()) {
                LOG.info("cubic kernel: scalar (no 256-bit float vectors on this CPU)");
                return;
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().getId();
            Scratch s = new Scratch();
            long deadline = System.nanoTime() + BUDGET_NANOS;
            int clean = 0;
            while (clean < 3) {
                if (System.nanoTime() > deadline) {
                    LOG.info("cubic kernel: scalar (the vector kernel still allocated after {} s)",
                            BUDGET_NANOS / 1_000_000_000L);
                    return;
                }
                long before = threads.getThreadAllocatedBytes(self);
                boolean same = s.batch();
                long bytes = threads.getThreadAllocatedBytes(self) - before;
                if (!same) {
                    LOG.warn("cubic kernel: scalar (the vector kernel's output differs from the scalar one's)");
                    return;
                }
                clean = bytes == 0 ? clean + 1 : 0;
            }
            on = true;
            LOG.info("cubic kernel: vector ({}), compiled and allocating nothing", MODULE);
        } catch (LinkageError | RuntimeException e) {
            // the module is in the VM but not wired to this bundle, or no allocation counter: the scalar kernel
            LOG.info("cubic kernel: scalar ({})", e.toString());
        }
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

        /** Whether {@link #BATCH} runs gave the sample-by-sample kernel's output, bit for bit (every 61st checked). */
        boolean batch() {
            boolean same = true;
            for (int n = 0; n < BATCH; n++) {
                int k = 1 + (n % 64);
                // steps (1 -/+ up to 1/16 frame) and low words from a hash of n; even runs start on one of the first
                // 4 frames, odd ones end within the last frame whose 4 neighbours are all in the array: the groups at
                // both of the array's ends take their sample-by-sample branch from the first calls on, so that C2
                // (compiling this kernel early, bin/methcla) does not compile it as never taken and drop back to slow
                // code when a voice reaches a buffer's end (a render did, 60 ms after turning the vector kernel on)
                long h = n * 0x9E37_79B9_7F4A_7C15L;
                long sFix = (1L << 32) + ((int) h >> 3);
                long pFix = n % 2 == 0 ? ((1L + (n >> 1) % 4) << 32) + (h >>> 32)
                        : ((long) (src.length - 2) << 32) - 1 - (k - 1) * sFix;
                CubicVectors.cubic(src, vec, 0, k, pFix, sFix);
                if (n % 61 == 0) {
                    Interpolation.cubicEach(src, ref, 0, k, pFix, sFix);
                    for (int i = 0; i < k; i++) {
                        same &= Float.floatToRawIntBits(vec[i]) == Float.floatToRawIntBits(ref[i]);
                    }
                }
            }
            return same;
        }
    }
}
