package la.methc.plugins.sampler.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Whether {@link Math#fma} is one CPU instruction on this JVM: HotSpot's {@code UseFMA} (x86 with FMA3, every
 * aarch64). Only then may a kernel call it; elsewhere {@code Math.fma} computes with {@code BigDecimal}, which
 * allocates, and the kernels keep separate multiplies and adds.
 *
 * <p>HotSpot's diagnostic MXBean knows, but it takes 10-20 ms to start. So the question is asked on a thread of
 * its own as soon as the play SynthDef exists ({@link #ask}), while the rest of the engine starts, and the first
 * play synth waits for the answer ({@link #available}), once, NRT.
 */
final class FusedMultiplyAdd {

    private static final FutureTask<Boolean> ANSWER = new FutureTask<>(FusedMultiplyAdd::askTheVm);

    static {
        Thread probe = new Thread(ANSWER, "methcla-fma-probe");
        probe.setDaemon(true);
        probe.start();
    }

    private FusedMultiplyAdd() {
    }

    /** NRT. Starts the question, once (the class's initialisation does). */
    static void ask() {
        // nothing else to do: the static initialiser has started the probe
    }

    /** NRT; may wait for the probe. False when the VM cannot say (not HotSpot) or the wait is interrupted. */
    static boolean available() {
        try {
            return ANSWER.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static boolean askTheVm() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            // another VM, no such option, or com.sun.management not wired to this bundle: the plain kernels
            return false;
        }
    }
}
