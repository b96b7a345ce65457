package la.methc.plugins.doneafter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

class DoneAfterTest {

    private static final double SR = 1000;
    private static final int BLOCK = 10;

    private static List<Long> doneBlocks(float seconds, int startOffset, int blocks) {
        BlockRunner r = BlockRunner.of(new DoneAfterSynthDef(), OscArgs.of(seconds), SR, BLOCK);
        assertEquals(0, r.synth().ports().size());
        assertEquals(0, r.run(blocks, startOffset).length);
        return r.doneBlocks();
    }

    @Test
    void uri() {
        assertEquals("http://methc.la/plugins/done-after", new DoneAfterSynthDef().uri());
    }

    @Test
    void doneOnceInTheBlockThatContainsTheFrame() {
        // frame 25 lies in block 2 (frames 20..29)
        assertEquals(List.of(2L), doneBlocks(0.025f, 0, 10));
        // frame 20 is the first frame of block 2, frame 19 the last of block 1
        assertEquals(List.of(2L), doneBlocks(0.020f, 0, 10));
        assertEquals(List.of(1L), doneBlocks(0.019f, 0, 10));
    }

    @Test
    void zeroSecondsIsDoneInTheFirstBlock() {
        assertEquals(List.of(0L), doneBlocks(0f, 0, 5));
        assertEquals(List.of(0L), doneBlocks(0f, 9, 5));
    }

    @Test
    void startOffsetDelaysTheDone() {
        // started at frame 5: frame 25 after the start is absolute frame 30, in block 3
        assertEquals(List.of(3L), doneBlocks(0.025f, 5, 10));
        // frame 4 after a start at 5 is absolute frame 9: still the first block
        assertEquals(List.of(0L), doneBlocks(0.004f, 5, 10));
        assertEquals(List.of(1L), doneBlocks(0.005f, 5, 10));
    }

    @Test
    void secondsAreRoundedToFrames() {
        // 0.0294 s is 29.4 frames, rounded to 29: block 2; 0.0296 s rounds to 30: block 3
        assertEquals(List.of(2L), doneBlocks(0.0294f, 0, 10));
        assertEquals(List.of(3L), doneBlocks(0.0296f, 0, 10));
    }

    @Test
    void notDoneBeforeTheTime() {
        assertEquals(List.of(), doneBlocks(1f, 0, 99));
        assertEquals(List.of(99L), doneBlocks(0.995f, 0, 200));
    }

    @Test
    void constructsWithoutOptionsForSynthDefInfo() {
        assertEquals(0, new DoneAfterSynthDef().construct(new TestHost(SR, BLOCK), OscArgs.empty()).ports().size());
    }

    @Test
    void badOptionsAreRejected() {
        assertRejected(OscArgs.of(-1f), ">= 0");
        assertRejected(OscArgs.of(Float.NaN), ">= 0");
        assertRejected(OscArgs.of(Float.POSITIVE_INFINITY), "finite");
        assertRejected(OscArgs.of("soon"), "expected float");
    }

    private static void assertRejected(OscArgs options, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DoneAfterSynthDef().construct(new TestHost(SR, BLOCK), options));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
