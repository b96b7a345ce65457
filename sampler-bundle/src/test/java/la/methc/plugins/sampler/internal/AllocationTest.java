package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Voice.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import la.methc.api.Synth;
import la.methc.plugins.testkit.RtAllocation;
import org.junit.jupiter.api.Test;

/**
 * The RT code allocates nothing: 1,000 blocks of 100 play voices (and a recorder, and buffer re-maps) after a
 * warm-up, measured by the test kit's {@link RtAllocation} (a thread of its own, the JIT quiet,
 * {@code ThreadMXBean.getThreadAllocatedBytes}).
 */
class AllocationTest {

    private static final int BS = 64;
    private static final int VOICES = 100;

    @Test
    void processAndRemapAllocateNothing() throws Exception {
        FakeWorld world = new FakeWorld(48000, BS, 8);
        world.buffer(1, new TestBuffer(48000, Signals.noise(1, 48000)));
        world.buffer(2, new TestBuffer(44100, Signals.noise(2, 30000), Signals.noise(3, 30000)));
        world.buffer(3, TestBuffer.zeros(1, 4800, 48000));

        Synth[] synths = new Synth[VOICES + 1];
        Voice recorder = Voice.record(world, opts(3), 1f);
        System.arraycopy(Signals.noise(4, BS), 0, recorder.ins[0], 0, BS);
        synths[0] = recorder.synth;
        for (int v = 1; v <= VOICES; v++) {
            // rates: plain copies, fractional, backwards; all looping, with various start frames
            float rate = switch (v % 4) {
                case 0 -> 1f;
                case 1 -> 0.7937f;
                case 2 -> -1.25f;
                default -> 1.4983f;
            };
            int interpolation = v % 10 == 0 ? 2 : v % 10 == 1 ? 0 : 1;
            if (v % 10 == 3 || v % 10 == 7) {
                // near 1, cubic: the kernel's stretches (carry up and down), vector ones once warm: 16 lanes
                // within a sixteenth of 1 where the CPU has them, 8 lanes further off
                rate = switch (v % 20) {
                    case 3 -> 1.0137f;
                    case 7 -> 0.9712f;
                    case 13 -> 1.0837f;
                    default -> 0.9212f;
                };
                interpolation = 2;
            }
            if (v % 10 == 9) {
                // near 1, linear: the vector kernel once warm
                rate = v % 20 == 9 ? 1.0421f : 0.9377f;
                interpolation = 1;
            }
            int buffer = v % 7 == 0 ? 3 : 1;
            synths[v] = Voice.play(world, opts(buffer, v % 5 == 0 ? 2 : 1, interpolation), rate, 1f, v * 17f).synth;
        }
        for (Synth s : synths) {
            s.attach(world);
            s.activate(world);
        }

        if (FusedMultiplyAdd.available() && CubicVectors.supported()) {
            // measured with the vector kernel on (the tests' VM has jdk.incubator.vector)
            VectorKernel.start();
            InterpolationTest.awaitVectorKernel();
        }
        // the voices and the remaps are wired by hand on a FakeWorld, so the kit's loop-level measurement, not
        // SynthChecks: the blocks are counted from the start of the warm-up so the remaps keep their rhythm
        long[] block = new long[1];
        RtAllocation.Measured m = RtAllocation.measure(n -> block[0] = run(world, synths, block[0], n), 30_000, 1_000);
        assertEquals(0, m.bytes(), "bytes allocated in 1,000 blocks of " + VOICES + " voices (measuring costs "
                + m.cost() + ")");
        for (Synth s : synths) {
            s.detach(world);
        }
        assertEquals(0, world.totalRefcount());
    }

    /** The RT loop: every voice once per block in node order, a buffer re-map every 50 blocks. */
    private static long run(FakeWorld world, Synth[] synths, long first, int blocks) {
        for (long b = first; b < first + blocks; b++) {
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
        return first + blocks;
    }
}
