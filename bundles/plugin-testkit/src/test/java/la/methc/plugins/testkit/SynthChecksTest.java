package la.methc.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;
import org.junit.jupiter.api.Test;

/** The kit's checks catch what they are for and pass what is clean. */
class SynthChecksTest {

    /** out = in * gain, with a one-pole smoother on gain; what a well-behaved isolated synth looks like. */
    static class Gain implements Synth {
        float[] in;
        float[] gain;
        float[] out;
        float g;

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.audioInput("in"), PortDescriptor.controlInput("gain", 0.5f),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> in = data;
                case 1 -> gain = data;
                default -> out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            for (int i = offset; i < offset + frames; i++) {
                g += 0.01f * (gain[0] - g);
                out[i] = in[i] * g;
            }
        }
    }

    /** Keeps each block's output in a new array: allocation on the RT path. */
    static final class Allocating extends Gain {
        float[] last;

        @Override
        public void process(World world, int offset, int frames) {
            super.process(world, offset, frames);
            last = java.util.Arrays.copyOfRange(out, offset, offset + frames); // escapes: a real allocation
        }
    }

    /** A phase kept in a static: every synth of the def advances the same one, so it is not really isolated. */
    static final class SharedPhase extends Gain {
        static double phase;

        @Override
        public void process(World world, int offset, int frames) {
            for (int i = offset; i < offset + frames; i++) {
                phase += 0.01;
                out[i] = (float) Math.sin(phase);
            }
        }
    }

    /** Asks the World for a Resource's status in process, which an isolated synth may not. */
    static final class AsksTheWorld extends Gain {
        @Override
        public void process(World world, int offset, int frames) {
            world.status(1, "test:none");
            super.process(world, offset, frames);
        }
    }

    private static SynthDef def(String name, java.util.function.Supplier<Synth> make, boolean isolated) {
        return new SynthDef() {
            @Override
            public String uri() {
                return "test:" + name;
            }

            @Override
            public Synth construct(Host host, OscArgs options) {
                return make.get();
            }

            @Override
            public boolean isolated() {
                return isolated;
            }
        };
    }

    @Test
    void aCleanProcessPassesTheAllocationCheck() {
        assertDoesNotThrow(() -> SynthChecks.assertProcessAllocatesNothing(def("Gain", Gain::new, true), OscArgs.empty(),
                2_000));
    }

    @Test
    void anAllocatingProcessFailsSayingHowManyBytesInHowManyBlocks() {
        AssertionError e = assertThrows(AssertionError.class, () -> SynthChecks.assertProcessAllocatesNothing(
                def("Allocating", Allocating::new, true), OscArgs.empty(), 1_000));
        assertTrue(e.getMessage().matches("process allocated [0-9,]+ bytes in 1,000 blocks of 1 synth "
                + "\\(Allocating\\).*"), e.getMessage());
        // 1,000 arrays of 64 floats: at least 256 bytes each
        long bytes = Long.parseLong(e.getMessage().replaceAll("process allocated ([0-9,]+) bytes.*", "$1")
                .replace(",", ""));
        assertTrue(bytes >= 256_000, e.getMessage());
    }

    @Test
    void scheduledChangesAndTheHookRunInsideTheAllocationCheck() {
        BlockRunner a = BlockRunner.of(def("Gain", Gain::new, true), OscArgs.empty(), 48000, 64)
                .audioInputLooped(0, Signals.noise(1, 100));
        a.changes().ramp("gain", 0, 5_000, 0f, 1f);
        BlockRunner b = BlockRunner.of(def("Gain", Gain::new, true), OscArgs.empty(), 48000, 64);
        long[] calls = new long[1];
        SynthChecks.assertProcessAllocatesNothing(1_000, (r, voice, block) -> {
            calls[0]++;
            if (voice == 1 && block % 7 == 0) {
                r.control(0, block % 2);
            }
        }, a, b);
        assertTrue(a.changes().pending() == 0, "the ramp ran");
        assertTrue(calls[0] >= 2 * (SynthChecks.WARM_UP_BLOCKS + 1_000), "hook calls " + calls[0]);
    }

    @Test
    void anIsolatedSynthGivesTheSameOnTwoThreads() {
        assertDoesNotThrow(() -> SynthChecks.assertSameOnTwoThreads(def("Gain", Gain::new, true), OscArgs.empty(), 500));
        // with a set-up of its own: a control sequence and a finite input
        assertDoesNotThrow(() -> SynthChecks.assertSameOnTwoThreads(def("Gain", Gain::new, true), OscArgs.empty(), 48000,
                16, 300, r -> r.audioInput(0, Signals.noise(9, 1000)).changes().sequence("gain", 3, 10, 1f, 0f, 2f)));
    }

    @Test
    void stateInAStaticFailsTheTwoThreadCheckAtTheFirstDifferingFrame() {
        AssertionError e = assertThrows(AssertionError.class, () -> SynthChecks.assertSameOnTwoThreads(
                def("SharedPhase", SharedPhase::new, true), OscArgs.empty(), 100));
        // the lone run left the static changed, so a thread's very first frame already differs
        assertTrue(e.getMessage().matches("test:SharedPhase is isolated\\(\\) but on thread [12] its audio output 0 "
                + "differs from a lone run's first at frame 0 \\(block 0, frame 0 of it\\): .*"), e.getMessage());
    }

    @Test
    void aDefThatIsNotIsolatedIsRefusedClearly() {
        AssertionError e = assertThrows(AssertionError.class, () -> SynthChecks.assertSameOnTwoThreads(
                def("Gain", Gain::new, false), OscArgs.empty(), 10));
        assertTrue(e.getMessage().startsWith("test:Gain is not isolated()"), e.getMessage());
    }

    @Test
    void aWorldCallAnIsolatedSynthMayNotMakeFailsTheTwoThreadCheck() {
        AssertionError e = assertThrows(AssertionError.class, () -> SynthChecks.assertSameOnTwoThreads(
                def("AsksTheWorld", AsksTheWorld::new, true), OscArgs.empty(), 10));
        assertTrue(e.getMessage().contains("called World.status"), e.getMessage());
    }

    @Test
    void aSynthThatThrowsOnAThreadIsReported() {
        int[] made = new int[1];
        SynthDef def = def("Throws", () -> made[0]++ == 1 ? new Gain() {
            @Override
            public void process(World world, int offset, int frames) {
                throw new IllegalStateException("boom");
            }
        } : new Gain(), true);
        AssertionError e = assertThrows(AssertionError.class,
                () -> SynthChecks.assertSameOnTwoThreads(def, OscArgs.empty(), 10));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }
}
