package la.methc.engine.internal.tree;

import la.methc.api.SynthDef;

/**
 * A bound SynthDef service. {@code retired} turns true when its bundle leaves: RT then refuses synths of
 * it that were constructed just before (a volatile read, no lock).
 */
public final class SynthDefEntry {

    private final SynthDef def;
    private volatile boolean retired;

    public SynthDefEntry(SynthDef def) {
        this.def = def;
    }

    public SynthDef def() {
        return def;
    }

    public boolean isRetired() {
        return retired;
    }

    public void retire() {
        retired = true;
    }
}
