package la.methc.plugins.faults.internal;

import la.methc.api.SynthDef;

/** A SynthDef of this bundle, named {@code http://methc.la/test/faults/<name>}. */
abstract class FaultDef implements SynthDef {

    private final String uri;

    FaultDef(String name) {
        uri = Faults.URI + name;
    }

    @Override
    public final String uri() {
        return uri;
    }
}
