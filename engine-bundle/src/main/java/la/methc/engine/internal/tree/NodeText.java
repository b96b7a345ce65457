package la.methc.engine.internal.tree;

/**
 * The text of the node classes' errors. A class of its own so that {@link SynthNode}, whose process runs on RT,
 * holds no String constants (a C2 compile asked for by the RT thread would resolve them there; see
 * {@code la.methc.engine.internal.resource.JobFailures}).
 */
final class NodeText {

    private NodeText() {
    }

    /** NRT. A parallel group's uri in the node queries. */
    static String parallelKind() {
        return "parallel";
    }

    /** NRT. */
    static String capacityOutOfRange(int capacity, int max) {
        return "node capacity " + capacity + " out of range 1.." + max;
    }

    /** NRT. */
    static String tooManyControls(SynthDefEntry def, int controlInputs, int values) {
        return def.def().uri() + " has " + controlInputs + " control inputs, got " + values + " values";
    }

    /** NRT. */
    static String portsFailed(SynthDefEntry def, Throwable t) {
        return def.def().uri() + " failed to describe its ports: " + t;
    }

    /** NRT. */
    static String noPorts(SynthDefEntry def) {
        return def.def().uri() + " described no ports (ports() returned null)";
    }

    /** NRT. */
    static String nullPort(SynthDefEntry def, int index) {
        return def.def().uri() + " described a null port at index " + index;
    }

    /** NRT. */
    static String connectFailed(SynthDefEntry def, int index, Throwable t) {
        return def.def().uri() + " failed to connect port " + index + ": " + t;
    }
}
