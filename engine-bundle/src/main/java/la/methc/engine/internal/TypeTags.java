package la.methc.engine.internal;

import java.util.List;

/** OSC type tags of decoded arguments, for checking requests and for saying what was wrong with them. */
final class TypeTags {

    private TypeTags() {
    }

    static String of(List<?> args) {
        StringBuilder b = new StringBuilder();
        append(b, args);
        return b.toString();
    }

    private static void append(StringBuilder b, List<?> args) {
        for (Object a : args) {
            if (a instanceof List<?> l) {
                b.append('[');
                append(b, l);
                b.append(']');
            } else {
                b.append(tag(a));
            }
        }
    }

    private static char tag(Object a) {
        if (a == null) {
            return 'N';
        }
        if (a instanceof Integer) {
            return 'i';
        }
        if (a instanceof Float) {
            return 'f';
        }
        if (a instanceof String) {
            return 's';
        }
        if (a instanceof Long) {
            return 'h';
        }
        if (a instanceof Double) {
            return 'd';
        }
        if (a instanceof Boolean bool) {
            return bool ? 'T' : 'F';
        }
        if (a instanceof Character) {
            return 'c';
        }
        if (a instanceof byte[] || a instanceof java.nio.ByteBuffer) {
            return 'b';
        }
        return '?';
    }

    /**
     * Whether {@code args} match {@code pattern}: one char per argument, {@code i f s} exact, {@code n} an
     * int or a float, {@code [} an array; a trailing part after {@code |} is optional, argument by argument.
     */
    static boolean matches(List<?> args, String pattern) {
        int bar = pattern.indexOf('|');
        String required = bar < 0 ? pattern : pattern.substring(0, bar);
        String optional = bar < 0 ? "" : pattern.substring(bar + 1);
        if (args.size() < required.length() || args.size() > required.length() + optional.length()) {
            return false;
        }
        String all = required + optional;
        for (int i = 0; i < args.size(); i++) {
            if (!accepts(all.charAt(i), args.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(char p, Object a) {
        return switch (p) {
            case 'i' -> a instanceof Integer;
            case 'f' -> a instanceof Float;
            case 'n' -> a instanceof Integer || a instanceof Float;
            case 's' -> a instanceof String;
            case '[' -> a instanceof List;
            default -> false;
        };
    }

    /** Human form of a pattern for error replies, e.g. {@code "iii"} or {@code "i[ff]"}. */
    static String describe(String pattern) {
        return pattern.replace("n", "f").replace("|", " then optionally ").replace("[", "[array]");
    }
}
