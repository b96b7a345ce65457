package la.methc.engine.internal.resource;

import la.methc.api.Mutability;
import la.methc.api.ResourceDef;

/**
 * A bound ResourceDef service. Its URI and mutability are read once at bind time, so RT compares against
 * plain fields. {@code retired} turns true when its bundle leaves: RT then refuses {@code /resource/new}
 * commands of it that were decoded just before (a volatile read, no lock).
 */
public final class ResourceDefEntry {

    private final ResourceDef def;
    private final String uri;
    private final boolean immutable;
    private volatile boolean retired;

    public ResourceDefEntry(ResourceDef def) {
        this.def = def;
        uri = def.uri();
        immutable = def.mutability() == Mutability.IMMUTABLE;
    }

    public ResourceDef def() {
        return def;
    }

    public String uri() {
        return uri;
    }

    public boolean isImmutable() {
        return immutable;
    }

    /** Any thread. */
    public boolean isRetired() {
        return retired;
    }

    /** NRT (the thread unbinding the service). */
    public void retire() {
        retired = true;
    }
}
