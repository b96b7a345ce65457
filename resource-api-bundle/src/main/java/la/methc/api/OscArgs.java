package la.methc.api;

import java.util.List;

/**
 * Read-only OSC arguments, e.g. the options array of {@code /synth/new}. NRT: accessors may allocate.
 *
 * <p>Accessors check the type and the index and throw {@link IllegalArgumentException} with a message fit
 * for an {@code /error} reply; {@link SynthDef#construct} may let it propagate.
 */
public interface OscArgs {

    int size();

    /** The argument as decoded: Integer, Float, String, Long, Double, Boolean, byte[] or null. */
    Object get(int index);

    default boolean has(int index) {
        return index >= 0 && index < size();
    }

    /** An {@code i} argument (an {@code h} that fits is accepted). */
    default int intAt(int index) {
        Object v = checked(index);
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        throw mismatch(index, "int", v);
    }

    /** An {@code f} argument; {@code i} and {@code d} are converted. */
    default float floatAt(int index) {
        Object v = checked(index);
        if (v instanceof Float || v instanceof Integer || v instanceof Double) {
            return ((Number) v).floatValue();
        }
        throw mismatch(index, "float", v);
    }

    default String stringAt(int index) {
        Object v = checked(index);
        if (v instanceof String s) {
            return s;
        }
        throw mismatch(index, "string", v);
    }

    default int intAt(int index, int fallback) {
        return has(index) ? intAt(index) : fallback;
    }

    default float floatAt(int index, float fallback) {
        return has(index) ? floatAt(index) : fallback;
    }

    private Object checked(int index) {
        if (!has(index)) {
            throw new IllegalArgumentException("missing argument " + index + " (have " + size() + ")");
        }
        return get(index);
    }

    private static IllegalArgumentException mismatch(int index, String expected, Object actual) {
        String got = actual == null ? "nil" : actual.getClass().getSimpleName().toLowerCase();
        return new IllegalArgumentException("argument " + index + ": expected " + expected + ", got " + got);
    }

    static OscArgs of(Object... values) {
        return new OscArgList(List.of(values));
    }

    static OscArgs empty() {
        return OscArgList.EMPTY;
    }
}
