package la.methc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The id allocators: node ids from 1000 up to 2^31-1 as SuperCollider's clients, resource ids 0 to 1023. */
class IdAllocatorTest {

    @Test
    void nodeIdsStartAt1000AndResourceIdsAt0() throws Exception {
        try (MethclaClient c = MethclaClient.udp("127.0.0.1", 9)) {
            assertEquals(1000, c.nodeIds().next());
            assertEquals(1001, c.nodeIds().next());
            assertEquals(0, c.resourceIds().next());
            for (int k = 1; k < 1024; k++) {
                assertEquals(k, c.resourceIds().next());
            }
            assertEquals(0, c.resourceIds().next(), "resource ids wrap at 1023");
        }
    }

    @Test
    void idsWrapAtTheEndOfTheirRangeWithoutOverflow() {
        IdAllocator ids = new IdAllocator(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE - 1, ids.next());
        assertEquals(Integer.MAX_VALUE, ids.next());
        assertEquals(Integer.MAX_VALUE - 1, ids.next());
        IdAllocator all = new IdAllocator(1000, Integer.MAX_VALUE);
        assertEquals(1000, all.next());
        assertThrows(IllegalArgumentException.class, () -> new IdAllocator(5, 4));
    }
}
