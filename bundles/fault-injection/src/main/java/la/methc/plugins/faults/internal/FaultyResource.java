package la.methc.plugins.faults.internal;

/** The body of a {@link FaultyResourceDef} Resource: it remembers whether its destroy is to throw. */
final class FaultyResource {

    final boolean destroyThrows;

    FaultyResource(boolean destroyThrows) {
        this.destroyThrows = destroyThrows;
    }
}
