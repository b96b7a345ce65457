package la.methc.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;
import org.junit.jupiter.api.Test;

/** Control changes land on the frames they say, and bad ones are refused. */
class ControlChangesTest {

    /** Writes control "a" to output 0 and control "b" to output 1, every frame: the value each frame saw. */
    static final class Probe implements Synth {
        final float[][] controls = new float[2][];
        final float[][] outs = new float[2][];

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("a", 0f), PortDescriptor.audioOutput("outA"),
                    PortDescriptor.controlInput("b", -1f), PortDescriptor.audioOutput("outB"));
        }

        @Override
        public void connect(int index, float[] data) {
            if (index % 2 == 0) {
                controls[index / 2] = data;
            } else {
                outs[index / 2] = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            for (int o = 0; o < 2; o++) {
                java.util.Arrays.fill(outs[o], offset, offset + frames, controls[o][0]);
            }
        }
    }

    private static BlockRunner probe() {
        return new BlockRunner(new Probe(), 1000, 8);
    }

    @Test
    void aChangeAtAFrameLandsOnTheStartOfItsBlock() {
        BlockRunner r = probe();
        r.changes().setAtFrame(20, "a", 3f).setAtFrame(24, "b", 5f);
        float[][] out = r.run(4);
        for (int f = 0; f < 32; f++) {
            assertEquals(f < 16 ? 0f : 3f, out[0][f], "a at frame " + f); // frame 20 is in block 2: frames 16..23
            assertEquals(f < 24 ? -1f : 5f, out[1][f], "b at frame " + f);
        }
        assertEquals(0, r.changes().pending());
    }

    @Test
    void changesByIndexAndNameAcrossRunsInTheOrderGiven() {
        BlockRunner r = probe();
        r.changes().setAt(3, 1, 7f).setAt(1, "a", 1f).setAt(3, "b", 8f).setAt(3, 0, 2f);
        float[][] first = r.run(2);
        assertEquals(1f, first[0][8]);
        assertEquals(0f, first[0][7]);
        assertEquals(-1f, first[1][15]);
        float[][] rest = r.run(2);
        assertEquals(1f, rest[0][7], "block 2 keeps block 1's value");
        assertEquals(2f, rest[0][8]);
        assertEquals(8f, rest[1][8], "the later change for the same block wins");
    }

    @Test
    void aRampGivesOneValuePerBlockOnAStraightLine() {
        BlockRunner r = probe();
        r.changes().ramp("a", 2, 6, 10f, 20f);
        float[] out = r.run(8)[0];
        float[] perBlock = new float[8];
        for (int b = 0; b < 8; b++) {
            perBlock[b] = out[8 * b];
            for (int k = 0; k < 8; k++) {
                assertEquals(perBlock[b], out[8 * b + k], "one value in block " + b);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new float[] {0f, 0f, 10f, 12.5f, 15f, 17.5f, 20f, 20f}, perBlock);
    }

    @Test
    void aSequenceEveryFewBlocks() {
        BlockRunner r = probe();
        r.changes().sequence("b", 1, 3, 4f, 5f, 6f);
        float[] out = r.run(9)[1];
        float[] expected = {-1, 4, 4, 4, 5, 5, 5, 6, 6};
        for (int b = 0; b < 9; b++) {
            assertEquals(expected[b], out[8 * b + 3], "block " + b);
        }
    }

    @Test
    void changesAppliedByStepToo() {
        BlockRunner r = probe();
        r.changes().setAt(2, "a", 9f);
        r.step();
        r.step();
        assertEquals(0f, r.lastBlock(0)[7]);
        r.step();
        assertEquals(9f, r.lastBlock(0)[0]);
        assertEquals(9f, r.control(0));
    }

    @Test
    void manyChangesKeepTheirOrderWhileTheArraysGrow() {
        BlockRunner r = probe();
        for (int b = 99; b >= 0; b--) { // added back to front: each is sorted in
            r.changes().setAt(b, "a", b);
        }
        float[] out = r.run(50)[0];
        for (int b = 100; b < 300; b++) {
            r.changes().setAt(b, "a", b);
        }
        float[] more = r.run(250)[0];
        for (int b = 0; b < 50; b++) {
            assertEquals(b, out[8 * b]);
        }
        for (int b = 50; b < 300; b++) {
            assertEquals(b, more[8 * (b - 50)]);
        }
    }

    @Test
    void badChangesAreRefused() {
        BlockRunner r = probe();
        r.run(3);
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> r.changes().setAt(2, "a", 1f));
        assertEquals("block 2 already ran (3 blocks run)", past.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> r.changes().setAt(5, "freq", 1f));
        assertEquals("no control input named 'freq'; the synth has [a, b]", name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.changes().setAt(5, 2, 1f));
        assertThrows(IllegalArgumentException.class, () -> r.changes().ramp("a", 9, 8, 0f, 1f));
        assertThrows(IllegalArgumentException.class, () -> r.changes().sequence("a", 9, 0, 1f));
        assertThrows(IllegalArgumentException.class, () -> r.changes().setAtFrame(-1, "a", 1f));
        assertTrue(r.changes().pending() == 0);
    }

    @Test
    void controlByName() {
        BlockRunner r = probe().control("b", 2.5f);
        assertEquals(2.5f, r.control(1));
        assertEquals(1, r.controlIndex("b"));
        assertEquals(2.5f, r.run(1)[1][0]);
    }
}
