package la.methc.engine.internal;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import la.methc.api.SynthDef;
import la.methc.engine.internal.tree.SynthDefEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SynthDefs currently bound, by URI. NRT, thread-safe. */
public final class SynthDefRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SynthDefRegistry.class);

    private final ConcurrentHashMap<String, SynthDefEntry> defs = new ConcurrentHashMap<>();

    /** Adds a def; a second def with a URI already bound is refused with a warning. */
    public boolean add(SynthDef def) {
        SynthDefEntry entry = new SynthDefEntry(def);
        SynthDefEntry old = defs.putIfAbsent(def.uri(), entry);
        if (old != null) {
            LOG.warn("SynthDef {} from {} ignored: that URI is already bound to {}", def.uri(), def.getClass().getName(),
                    old.def().getClass().getName());
            return false;
        }
        LOG.info("bound SynthDef {}", def.uri());
        return true;
    }

    /** Removes a def; returns its entry so the engine can retire its synths, or null if it was not bound. */
    public SynthDefEntry remove(SynthDef def) {
        SynthDefEntry entry = defs.get(def.uri());
        if (entry == null || entry.def() != def || !defs.remove(def.uri(), entry)) {
            return null;
        }
        LOG.info("unbound SynthDef {}", def.uri());
        return entry;
    }

    public SynthDefEntry get(String uri) {
        return defs.get(uri);
    }

    public Collection<SynthDefEntry> all() {
        return defs.values();
    }
}
