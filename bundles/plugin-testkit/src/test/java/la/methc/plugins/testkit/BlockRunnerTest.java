package la.methc.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourceRef;
import la.methc.api.Synth;
import la.methc.api.World;
import org.junit.jupiter.api.Test;

class BlockRunnerTest {

    /** out = in + add; says it is done in its second process call. */
    static final class AddSynth implements Synth {
        float[] add;
        float[] in;
        float[] out;
        int activations;
        int calls;

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.audioInput("in"), PortDescriptor.controlInput("add", 0.5f),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> in = data;
                case 1 -> add = data;
                default -> out = data;
            }
        }

        @Override
        public void activate(World world) {
            activations++;
        }

        @Override
        public void process(World world, int offset, int frames) {
            for (int i = offset; i < offset + frames; i++) {
                out[i] = in[i] + add[0];
            }
            if (++calls == 2) {
                world.synthDone(this);
            }
        }
    }

    @Test
    void runsBlocksWithOffsetDefaultsAndInputs() {
        AddSynth s = new AddSynth();
        BlockRunner r = new BlockRunner(s, 1000, 4).audioInput(0, new float[] {1, 2, 3, 4, 5, 6});
        assertEquals(0.5f, r.control(0));
        float[] out = r.run(2, 1)[0];
        assertArrayEquals(new float[] {0, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 0.5f, 0.5f}, out);
        r.control(0, 2f);
        assertEquals(8 / 1000.0, r.currentTime());
        assertArrayEquals(new float[] {2, 2, 2, 2}, r.run(1)[0]);
        assertEquals(1, s.activations);
        assertEquals(List.of(1L), r.doneBlocks());
        assertThrows(IllegalArgumentException.class, () -> r.run(1, 2));
    }

    @Test
    void controlsFromArguments() {
        BlockRunner r = new BlockRunner(new AddSynth(), 1000, 4, 3f);
        assertEquals(3f, r.control(0));
        assertThrows(IllegalArgumentException.class, () -> new BlockRunner(new AddSynth(), 1000, 4, 1f, 2f));
    }

    /** out = the value of the float[] Resource on resource port 0 (bound from the constructor's id). */
    static final class ReadSynth implements Synth {
        final ResourceRef<float[]> buf = new ResourceRef<>("test:values", float[].class);
        final int initial;
        float[] out;

        ReadSynth(int initial) {
            this.initial = initial;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.resourceInput("buf"), PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            if (index != 1) {
                throw new AssertionError("only the audio output is connected, not " + index);
            }
            out = data;
        }

        @Override
        public void attach(World world) {
            buf.bind(world, initial);
        }

        @Override
        public boolean remap(World world, int port, int resourceId) {
            return buf.tryReplace(world, resourceId);
        }

        @Override
        public void detach(World world) {
            buf.close();
        }

        @Override
        public void process(World world, int offset, int frames) {
            java.util.Arrays.fill(out, offset, offset + frames, buf.get()[0]);
        }
    }

    @Test
    void resourcePortsAreBoundByTheSynthThroughAttachRemapAndDetach() {
        BlockRunner r = new BlockRunner(new ReadSynth(1), 48000, 4)
                .resource(1, "test:values", new float[] {0.25f})
                .resource(2, "test:values", new float[] {0.5f})
                .resource(3, "test:other", new float[] {1f});
        assertEquals(0.25f, r.run(1)[0][3]);
        assertEquals(1, r.refcount(1));
        assertEquals(false, r.remap(0, 3), "another kind");
        assertEquals(true, r.remap(0, 2));
        assertEquals(0.5f, r.run(1)[0][0]);
        assertEquals(0, r.refcount(1));
        r.detach();
        assertEquals(0, r.refcount(2));
        assertEquals(null, r.forbiddenWorldCall(), "attach, remap and detach may use the World; process did not");
    }

    @Test
    void loopedInputRepeatsAndStepRunsABlockWithoutCollecting() {
        AddSynth s = new AddSynth();
        BlockRunner r = new BlockRunner(s, 1000, 4, 0f).audioInputLooped(0, new float[] {1, 2, 3});
        assertEquals(1, r.audioInputs());
        assertEquals(1, r.audioOutputs());
        assertEquals(1, r.controlInputs());
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3, 1, 2}, r.run(2)[0]);
        r.step();
        assertArrayEquals(new float[] {3, 1, 2, 3}, r.lastBlock(0));
        assertEquals(3, r.blocks());
        assertEquals(List.of(1L), r.doneBlocks(), "said done in its second block");
        assertThrows(IllegalArgumentException.class, () -> r.audioInputLooped(0, new float[0]));
    }
}
