package la.methc.plugins.oscillator.internal;

import la.methc.plugins.testkit.JitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

/**
 * The RT code allocates nothing: 1,000 blocks of 40 oscillators of every shape, with frequency and amp
 * changing every block, after a warm-up, on a dedicated thread, measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class AllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 40;

    @Test
    void processAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "this JVM measures allocation");
        mx.setThreadAllocatedMemoryEnabled(true);

        OscillatorSynthDef def = new OscillatorSynthDef();
        // used only as the World the synths are given; the synths below are wired by hand
        BlockRunner world = new BlockRunner(new Oscillator(Waveform.SINE), 48000, BS);
        Synth[] synths = new Synth[VOICES];
        float[][] freq = new float[VOICES][1];
        float[][] amp = new float[VOICES][1];
        float[] out = new float[BS];
        for (int v = 0; v < VOICES; v++) {
            synths[v] = def.construct(new TestHost(48000, BS), OscArgs.of(v % 4));
            synths[v].connect(0, freq[v]);
            synths[v].connect(1, amp[v]);
            synths[v].connect(2, out);
            synths[v].activate(world);
        }

        long[] measured = new long[2];
        Throwable[] failure = new Throwable[1];
        Thread rt = new Thread(() -> {
            try {
                long id = Thread.currentThread().getId();
                run(world, synths, freq, amp, 30_000);
                JitQuiet.settle(() -> run(world, synths, freq, amp, 64)); // then until the JIT is quiet: a C2 compile asked for here allocates
                long before = mx.getThreadAllocatedBytes(id);
                long empty = mx.getThreadAllocatedBytes(id) - before;
                before = mx.getThreadAllocatedBytes(id);
                run(world, synths, freq, amp, 1_000);
                long after = mx.getThreadAllocatedBytes(id);
                measured[0] = after - before - empty;
                measured[1] = empty;
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "fake-rt");
        rt.start();
        rt.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        assertEquals(0, measured[0], "bytes allocated in 1,000 blocks of " + VOICES + " oscillators (measuring costs "
                + measured[1] + ")");
    }

    /** The RT loop: new controls (as /node/set between blocks would leave them), then every voice once. */
    private static void run(BlockRunner world, Synth[] synths, float[][] freq, float[][] amp, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (int v = 0; v < synths.length; v++) {
                freq[v][0] = 100f + 37f * v + (b % 100) * 3f;
                amp[v][0] = (b + v) % 3 == 0 ? 0.2f : 0.8f;
                synths[v].process(world, 0, BS);
            }
        }
    }
}
