package la.methc.plugins.sampler.internal;

import static la.methc.plugins.sampler.internal.Commands.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.api.CommandPlan;
import org.junit.jupiter.api.Test;

/** {@code /buffer/normalize}: process into a fresh slot, exactly. */
class BufferNormalizeCommandTest {

    private final BufferNormalizeCommand normalize = new BufferNormalizeCommand();
    private final FakeHost host = new FakeHost(48000, 64);

    @Test
    void thePlanReadsSrcAndWritesDstWithoutExclusivity() {
        CommandPlan plan = Commands.plan(normalize, host, 4, 5, 1f);
        assertEquals(4, plan.id());
        assertArrayEquals(new int[] {4, 5}, plan.resources());
        assertArrayEquals(new boolean[] {false, true}, plan.writes());
        assertFalse(plan.exclusive());
    }

    @Test
    void inPlaceIsExclusive() throws Exception {
        CommandPlan plan = Commands.plan(normalize, host, 4, 4, 1f);
        assertArrayEquals(new int[] {4}, plan.resources());
        assertArrayEquals(new boolean[] {true}, plan.writes());
        assertTrue(plan.exclusive());
        TestBuffer b = new TestBuffer(48000, new float[] {0.25f, -0.5f, 0.125f});
        plan.task().perform(host, new Object[] {b});
        assertArrayEquals(new float[] {0.5f, -1f, 0.25f}, b.data()[0]);
    }

    @Test
    void scalesToThePeakExactly() throws Exception {
        float[] l = Signals.noise(11, 4000);
        float[] r = Signals.noise(12, 4000);
        r[1234] = -1.75f; // the peak, negative
        TestBuffer src = new TestBuffer(48000, l.clone(), r.clone());
        TestBuffer dst = new TestBuffer(48000, Signals.of(5000, i -> 9), Signals.of(5000, i -> 9));
        assertNull(run(normalize, host, new Object[] {src, dst}, 1, 2, 0.5f));
        double gain = 0.5 / 1.75;
        for (int i = 0; i < 4000; i++) {
            assertEquals((float) (l[i] * gain), dst.data()[0][i], 0, "left " + i);
            assertEquals((float) (r[i] * gain), dst.data()[1][i], 0, "right " + i);
        }
        assertEquals(-0.5f, dst.data()[1][1234], 0, "the peak is the peak");
        for (int i = 4000; i < 5000; i++) {
            assertEquals(0f, dst.data()[0][i], 0, "beyond src: zero");
        }
        Signals.assertSamples(l, src.data()[0], "src untouched");
        Signals.assertSamples(r, src.data()[1], "src untouched");
    }

    @Test
    void aSilentSourceGivesZeros() throws Exception {
        TestBuffer src = TestBuffer.zeros(1, 100, 48000);
        TestBuffer dst = new TestBuffer(48000, Signals.of(100, i -> 0.3));
        run(normalize, host, new Object[] {src, dst}, 1, 2, 1f);
        Signals.assertSilent(dst.data()[0], 0, 100, "dst");
    }

    @Test
    void shapesAndArgumentsAreChecked() {
        Exception channels = assertThrows(IllegalArgumentException.class, () -> run(normalize, host,
                new Object[] {TestBuffer.zeros(2, 10, 48000), TestBuffer.zeros(1, 10, 48000)}, 1, 2, 1f));
        assertEquals("dst 2 has 1 channels, src 1 has 2", channels.getMessage());
        Exception frames = assertThrows(IllegalArgumentException.class, () -> run(normalize, host,
                new Object[] {TestBuffer.zeros(1, 10, 48000), TestBuffer.zeros(1, 9, 48000)}, 1, 2, 1f));
        assertTrue(frames.getMessage().contains("fewer than src"), frames.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(normalize, host, 1, 2, -1f));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(normalize, host, 1, 2, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(normalize, host, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(normalize, host, 1, 2, "x"));
    }
}
