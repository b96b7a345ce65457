package la.methc.engine.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The node map against {@link HashMap}: any int id, clusters, wrap-around, backward-shift deletion. */
class NodeMapTest {

    @Test
    void tableIsAPowerOfTwoAtLeastTwiceTheCapacity() {
        assertEquals(2, new NodeMap(1).slots());
        assertEquals(2048, new NodeMap(1024).slots());
        assertEquals(2048, new NodeMap(1000).slots());
        assertEquals(4096, new NodeMap(1025).slots());
    }

    @Test
    void idsAtTheEdgesOfTheIntRange() {
        NodeMap m = new NodeMap(8);
        for (int id : new int[] {0, 1, 1023, 1024, 70000, Integer.MAX_VALUE}) {
            m.put(new Group(id));
        }
        assertEquals(6, m.size());
        assertEquals(Integer.MAX_VALUE, m.get(Integer.MAX_VALUE).id());
        assertEquals(70000, m.get(70000).id());
        assertNull(m.get(2));
        assertEquals(1024, m.remove(1024).id());
        assertNull(m.get(1024));
        assertEquals(1023, m.get(1023).id());
        assertNull(m.remove(1024));
        assertEquals(5, m.size());
    }

    @Test
    void randomPutsAndRemovesAgreeWithAHashMap() {
        for (int capacity : new int[] {1, 3, 16, 100}) {
            Random r = new Random(capacity);
            NodeMap m = new NodeMap(capacity);
            Map<Integer, Node> reference = new HashMap<>();
            // few distinct ids, many of them sharing low bits, so clusters form, wrap around and shift back
            int[] pool = new int[3 * capacity + 3];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = switch (i % 3) {
                    case 0 -> i;
                    case 1 -> i << 16;
                    default -> Integer.MAX_VALUE - i;
                };
            }
            for (int step = 0; step < 20_000; step++) {
                int id = pool[r.nextInt(pool.length)];
                if (reference.containsKey(id)) {
                    assertSame(reference.remove(id), m.remove(id));
                } else if (reference.size() < capacity) {
                    Node n = new Group(id);
                    m.put(n);
                    reference.put(id, n);
                }
                assertEquals(reference.size(), m.size());
                if (step % 97 == 0) {
                    for (int p : pool) {
                        assertSame(reference.get(p), m.get(p), "id " + p + " at step " + step);
                    }
                }
            }
            List<Integer> left = new ArrayList<>(reference.keySet());
            for (int id : left) {
                assertSame(reference.remove(id), m.remove(id));
            }
            assertEquals(0, m.size());
        }
    }
}
