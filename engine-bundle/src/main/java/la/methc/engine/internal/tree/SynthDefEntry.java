package la.methc.engine.internal.tree;

import la.methc.api.SynthDef;

/**
 * A bound SynthDef service. {@code retired} turns true when its bundle leaves: RT then refuses synths of
 * it that were constructed just before (a volatile read, no lock).
 */
public final class SynthDefEntry {

    private final SynthDef def;
    /** Read once at bind time, so RT names the def without calling plugin code. */
    private final String uri;
    /** {@link SynthDef#isolated}, read once at bind time; a def that throws there is not isolated. */
    private final boolean isolated;
    private volatile boolean retired;

    public SynthDefEntry(SynthDef def) {
        this.def = def;
        uri = def.uri();
        isolated = isolated(def);
    }

    private static boolean isolated(SynthDef def) {
        try {
            return def.isolated();
        } catch (Throwable t) {
            return false;
        }
    }

    public boolean isolated() {
        return isolated;
    }

    public SynthDef def() {
        return def;
    }

    public String uri() {
        return uri;
    }

    public boolean isRetired() {
        return retired;
    }

    public void retire() {
        retired = true;
    }
}
