package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Voice.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import la.methc.api.Synth;
import org.junit.jupiter.api.Test;

/**
 * The RT code allocates nothing: 1,000 blocks of 100 play voices (and a recorder, and buffer re-maps) after a
 * warm-up, on a dedicated thread, measured with {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class AllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 100;

    @Test
    void processAndRemapAllocateNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "this JVM measures allocation");
        mx.setThreadAllocatedMemoryEnabled(true);

        FakeWorld world = new FakeWorld(48000, BS, 8);
        world.buffer(1, new TestBuffer(48000, Signals.noise(1, 48000)));
        world.buffer(2, new TestBuffer(44100, Signals.noise(2, 30000), Signals.noise(3, 30000)));
        world.buffer(3, TestBuffer.zeros(1, 4800, 48000));

        Synth[] synths = new Synth[VOICES + 1];
        Voice recorder = Voice.record(world, opts(3), 1f);
        System.arraycopy(Signals.noise(4, BS), 0, recorder.ins[0], 0, BS);
        synths[0] = recorder.synth;
        for (int v = 1; v <= VOICES; v++) {
            int interpolation = v % 10 == 0 ? 2 : v % 10 == 1 ? 0 : 1;
            // rates: plain copies, fractional, backwards; all looping, with various start frames
            float rate = switch (v % 4) {
                case 0 -> 1f;
                case 1 -> 0.7937f;
                case 2 -> -1.25f;
                default -> 1.4983f;
            };
            int buffer = v % 7 == 0 ? 3 : 1;
            synths[v] = Voice.play(world, opts(buffer, v % 5 == 0 ? 2 : 1, interpolation), rate, 1f, v * 17f).synth;
        }
        for (Synth s : synths) {
            s.attach(world);
            s.activate(world);
        }

        long[] measured = new long[2];
        Throwable[] failure = new Throwable[1];
        Thread rt = new Thread(() -> {
            try {
                long id = Thread.currentThread().getId();
                run(world, synths, 30_000);
                long before = mx.getThreadAllocatedBytes(id);
                long empty = mx.getThreadAllocatedBytes(id) - before;
                before = mx.getThreadAllocatedBytes(id);
                run(world, synths, 1_000);
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
        assertEquals(0, measured[0], "bytes allocated in 1,000 blocks of " + VOICES + " voices (measuring costs "
                + measured[1] + ")");
        for (Synth s : synths) {
            s.detach(world);
        }
        assertEquals(0, world.totalRefcount());
    }

    /** The RT loop: every voice once per block in node order, a buffer re-map every 50 blocks. */
    private static void run(FakeWorld world, Synth[] synths, int blocks) {
        for (int b = 0; b < blocks; b++) {
            if (b % 50 == 25) {
                // /node/set i:id i:0 i:buffer on a few voices, back and forth between two buffers
                for (int v = 1; v < synths.length; v += 9) {
                    synths[v].remap(world, 0, (b / 50) % 2 == 0 ? 2 : 1);
                }
            }
            for (Synth s : synths) {
                s.process(world, 0, BS);
            }
        }
    }
}
