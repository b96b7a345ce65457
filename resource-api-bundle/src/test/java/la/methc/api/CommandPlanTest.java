package la.methc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CommandPlan and CommandReply are values: arrays and lists are copied, shapes checked. */
class CommandPlanTest {

    private static final CommandTask NOTHING = (host, bodies) -> null;

    @Test
    void arraysAreCopiedInAndOut() {
        int[] ids = {3, 4};
        boolean[] writes = {false, true};
        CommandPlan plan = new CommandPlan(3, ids, writes, false, NOTHING);
        ids[0] = 9;
        writes[0] = true;
        assertArrayEquals(new int[] {3, 4}, plan.resources());
        assertArrayEquals(new boolean[] {false, true}, plan.writes());
        plan.resources()[0] = 7;
        assertArrayEquals(new int[] {3, 4}, plan.resources());
        assertNotSame(plan.resources(), plan.resources());
        assertEquals(new CommandPlan(3, new int[] {3, 4}, new boolean[] {false, true}, false, NOTHING), plan);
    }

    @Test
    void nullWritesMeansNone() {
        assertArrayEquals(new boolean[2], new CommandPlan(1, new int[] {1, 2}, null, false, NOTHING).writes());
        assertArrayEquals(new boolean[0], new CommandPlan(-1, new int[0], null, false, NOTHING).writes());
    }

    @Test
    void shapesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new CommandPlan(1, new int[] {1, 2}, new boolean[] {true}, false, NOTHING));
        assertThrows(NullPointerException.class, () -> new CommandPlan(1, null, null, false, NOTHING));
        assertThrows(NullPointerException.class, () -> new CommandPlan(1, new int[] {1}, null, false, null));
    }

    @Test
    void aReplyCopiesItsArgumentsAndAllowsNil() {
        List<Object> args = new ArrayList<>(Arrays.asList(1, null, "x"));
        CommandReply r = new CommandReply("/x.reply", args);
        args.clear();
        assertEquals(Arrays.asList(1, null, "x"), r.args());
        assertThrows(UnsupportedOperationException.class, () -> r.args().add(2));
        assertEquals(r, CommandReply.of("/x.reply", 1, null, "x"));
    }
}
