package la.methc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OscArgsTest {

    @Test
    void convertsNumbersWhereOscClientsDiffer() {
        OscArgs args = OscArgs.of(3, 0.5f, "x", 7L);
        assertEquals(3, args.intAt(0));
        assertEquals(3f, args.floatAt(0));
        assertEquals(0.5f, args.floatAt(1));
        assertEquals("x", args.stringAt(2));
        assertEquals(7, args.intAt(3));
        assertEquals(9f, args.floatAt(9, 9f));
    }

    @Test
    void mismatchesNameTheArgument() {
        OscArgs args = OscArgs.of("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> args.intAt(0));
        assertEquals("argument 0: expected int, got string", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> args.floatAt(1));
        assertEquals("missing argument 1 (have 1)", e.getMessage());
    }
}
