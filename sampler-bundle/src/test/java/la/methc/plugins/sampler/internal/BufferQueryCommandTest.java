package la.methc.plugins.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import la.methc.api.CommandPlan;
import la.methc.api.CommandReply;
import org.junit.jupiter.api.Test;

/** {@code /buffer/query i:id} → {@code /buffer/info i:id i:channels i:frames f:sampleRate}. */
class BufferQueryCommandTest {

    private final BufferQueryCommand query = new BufferQueryCommand();
    private final FakeHost host = new FakeHost(48000, 64);

    @Test
    void answersTheShapeAndRate() throws Exception {
        CommandPlan plan = Commands.plan(query, host, 7);
        assertEquals("/buffer/query", query.address());
        assertEquals(7, plan.id());
        assertArrayEquals(new int[] {7}, plan.resources());
        assertArrayEquals(new boolean[] {false}, plan.writes());
        assertFalse(plan.exclusive());
        CommandReply r = Commands.run(query, host, new Object[] {TestBuffer.zeros(2, 12345, 22050)}, 7);
        assertEquals("/buffer/info", r.address());
        assertEquals(List.of(7, 2, 12345, 22050f), r.args());
    }

    @Test
    void refusesBadArgumentsAndOtherResources() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Commands.plan(query, host))
                .getMessage().contains("expected i:id"));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(query, host, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Commands.plan(query, host, "1"));
        assertEquals("resource 3 is not an AudioBuffer", assertThrows(IllegalArgumentException.class,
                () -> Commands.run(query, host, new Object[] {"not a buffer"}, 3)).getMessage());
    }
}
