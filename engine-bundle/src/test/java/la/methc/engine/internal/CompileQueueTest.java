package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link CompileQueue}: reading HotSpot's {@code Compiler.queue} output, and waiting on this VM's queue. */
class CompileQueueTest {

    /** As JDK 17's {@code jcmd PID Compiler.queue} prints an idle JIT. */
    private static final String IDLE = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n";

    @Test
    void anEmptyQueueIsIdle() {
        assertTrue(CompileQueue.idle(IDLE));
    }

    @Test
    void aTaskCompilingOrQueuedIsNotIdle() {
        assertFalse(CompileQueue.idle("Current compiles: \nC2 CompilerThread0  1042       4       "
                + "la.methc.plugins.sampler.internal.CubicVectors::cubic16 (468 bytes)\n\nC1 compile queue:\nEmpty\n\n"
                + "C2 compile queue:\nEmpty\n\n"));
        assertFalse(CompileQueue.idle("Current compiles: \n\nC1 compile queue:\n  1107       3       "
                + "java.util.HashMap::resize (356 bytes)\n\nC2 compile queue:\nEmpty\n\n"));
    }

    @Test
    void thisVmsQueueEmptiesOnceNothingRuns() throws InterruptedException {
        long waited = CompileQueue.awaitIdle(100, 10_000);
        assertTrue(waited >= 0 && waited < 10_000, "waited " + waited + " ms (-1: the VM cannot tell)");
    }
}
