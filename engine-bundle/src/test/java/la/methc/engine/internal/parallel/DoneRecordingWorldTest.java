package la.methc.engine.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import sun.misc.Unsafe;

/** The layout the padding of a thread's world is for, as this JVM lays the fields out. */
class DoneRecordingWorldTest {

    private static final int LINE = 64;

    @Test
    void theFieldsAThreadWritesForEachSynthHaveACacheLineOfTheirObjectOnEitherSide() throws Exception {
        Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Unsafe unsafe = (Unsafe) theUnsafe.get(null);
        for (Class<?> world : List.of(IsolatedWorld.class, DeferringWorld.class)) {
            long first = Long.MAX_VALUE;
            long last = 0;
            long end = 0;
            for (Class<?> c = world; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    long at = unsafe.objectFieldOffset(f);
                    long size = size(f.getType(), unsafe);
                    end = Math.max(end, at + size);
                    if (c == DoneRecordingWorldFields.class) {
                        first = Math.min(first, at);
                        last = Math.max(last, at + size);
                    }
                }
            }
            // whatever line holds a byte of these fields holds nothing but this object's
            assertTrue(first >= LINE - 1, world.getSimpleName() + ": the fields start at offset " + first);
            assertTrue(end - last >= LINE - 1,
                    world.getSimpleName() + ": the fields end at offset " + last + ", the object at " + end);
        }
    }

    private static long size(Class<?> type, Unsafe unsafe) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        if (type == short.class || type == char.class) {
            return 2;
        }
        if (type == byte.class || type == boolean.class) {
            return 1;
        }
        return unsafe.arrayIndexScale(Object[].class);
    }
}
