package la.methc.engine.internal;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import la.methc.api.ResourceDef;
import la.methc.engine.internal.resource.ResourceDefEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ResourceDefs currently bound, by URI. NRT, thread-safe. */
public final class ResourceDefRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceDefRegistry.class);

    private final ConcurrentHashMap<String, ResourceDefEntry> defs = new ConcurrentHashMap<>();

    /** Adds a def; a second def with a URI already bound is refused with a warning. */
    public boolean add(ResourceDef def) {
        ResourceDefEntry entry = new ResourceDefEntry(def);
        ResourceDefEntry old = defs.putIfAbsent(entry.uri(), entry);
        if (old != null) {
            LOG.warn("ResourceDef {} from {} ignored: that URI is already bound to {}", entry.uri(),
                    def.getClass().getName(), old.def().getClass().getName());
            return false;
        }
        LOG.info("bound ResourceDef {} ({})", entry.uri(), def.mutability());
        return true;
    }

    /** Removes a def; returns its entry so the engine can retire its Resources, or null if it was not bound. */
    public ResourceDefEntry remove(ResourceDef def) {
        ResourceDefEntry entry = defs.get(def.uri());
        if (entry == null || entry.def() != def || !defs.remove(def.uri(), entry)) {
            return null;
        }
        LOG.info("unbound ResourceDef {}", entry.uri());
        return entry;
    }

    public ResourceDefEntry get(String uri) {
        return defs.get(uri);
    }

    public Collection<ResourceDefEntry> all() {
        return defs.values();
    }
}
