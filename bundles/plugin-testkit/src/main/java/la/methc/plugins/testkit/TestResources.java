package la.methc.plugins.testkit;

import java.util.HashMap;
import java.util.Map;
import la.methc.api.ResourceStatus;

/** The live Resources of a {@link BlockRunner}: kind, body and hold count per id. Threads: the runner's. */
final class TestResources {

    private static final class Slot {
        final String uri;
        final Object body;
        int holds;

        Slot(String uri, Object body) {
            this.uri = uri;
            this.body = body;
        }
    }

    private final Map<Integer, Slot> slots = new HashMap<>();

    void put(int id, String uri, Object body) {
        slots.put(id, new Slot(uri, body));
    }

    int refcount(int id) {
        Slot s = slots.get(id);
        return s == null ? 0 : s.holds;
    }

    ResourceStatus status(int id, String expectedUri) {
        Slot s = slots.get(id);
        if (s == null) {
            return ResourceStatus.NOT_LIVE;
        }
        return s.uri.equals(expectedUri) ? ResourceStatus.OK : ResourceStatus.WRONG_URI;
    }

    Object acquire(int id, String expectedUri) {
        if (status(id, expectedUri) != ResourceStatus.OK) {
            return null;
        }
        Slot s = slots.get(id);
        s.holds++;
        return s.body;
    }

    void release(int id) {
        Slot s = slots.get(id);
        if (s == null || s.holds == 0) {
            throw new IllegalStateException("release of resource " + id + ", which is not held");
        }
        s.holds--;
    }
}
