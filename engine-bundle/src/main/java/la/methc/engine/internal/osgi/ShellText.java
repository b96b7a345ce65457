package la.methc.engine.internal.osgi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of the shell's {@code methcla:} commands, from the arguments of the replies a client gets
 * ({@code /status.reply}, {@code /group/queryTree.reply}, {@code /synthdef/info.reply}, {@code /resource/info}).
 * Pure functions; any thread.
 */
final class ShellText {

    private ShellText() {
    }

    /** {@code /status.reply i:synths i:groups i:resources f:avgLoad f:peakLoad i:lateBlocks d:sampleRate i:blockSize}. */
    static String status(List<Object> a) {
        return String.format(Locale.ROOT, "synths %d, groups %d, resources %d%n"
                + "load: %.1f %% of a block on average, %.1f %% at peak; %d late blocks%n"
                + "%s Hz, %d frames a block", a.get(0), a.get(1), a.get(2), 100 * ((Number) a.get(3)).floatValue(),
                100 * ((Number) a.get(4)).floatValue(), a.get(5), number(a.get(6)), a.get(7));
    }

    /**
     * {@code /group/queryTree.reply i:id i:numChildren} then per node {@code i:id i:numChildren s:uri}, depth first:
     * one line per node, indented by its depth (a parallel group says so).
     */
    static String tree(List<Object> a) {
        StringBuilder b = new StringBuilder();
        group(b, 0, (Integer) a.get(0), (Integer) a.get(1), "");
        // per open group, how many of its children are still to come
        Deque<Integer> open = new ArrayDeque<>();
        open.push((Integer) a.get(1));
        for (int i = 2; i + 2 < a.size(); i += 3) {
            while (!open.isEmpty() && open.peek() == 0) {
                open.pop();
            }
            open.push(open.pop() - 1);
            int id = (Integer) a.get(i);
            int children = (Integer) a.get(i + 1);
            b.append('\n');
            if (children < 0) {
                b.append("  ".repeat(open.size())).append("synth ").append(id).append(' ').append(a.get(i + 2));
            } else {
                group(b, open.size(), id, children, a.get(i + 2));
                open.push(children);
            }
        }
        return b.toString();
    }

    /** A group's line; {@code kind} "parallel" for a parallel group. */
    private static void group(StringBuilder b, int depth, int id, int children, Object kind) {
        b.append("  ".repeat(depth)).append("parallel".equals(kind) ? "parallel group " : "group ").append(id)
                .append(" (").append(children).append(children == 1 ? " child)" : " children)");
    }

    /**
     * Per SynthDef, its {@code /synthdef/info.reply} (uri, then name, kind, direction, default per port; a control
     * input's default shown) or {@code /error}.
     */
    static String defs(Map<String, List<Object>> defs) {
        if (defs.isEmpty()) {
            return "no SynthDefs bound";
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Object>> e : defs.entrySet()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(e.getKey());
            List<Object> a = e.getValue();
            if (!e.getKey().equals(a.get(0))) {
                b.append("\n  (ports unknown: ").append(a.get(a.size() - 1)).append(')');
                continue;
            }
            if (a.size() == 1) {
                b.append("\n  (no ports)");
            }
            int width = 0;
            for (int i = 1; i + 3 < a.size(); i += 4) {
                width = Math.max(width, ((String) a.get(i)).length());
            }
            for (int i = 1; i + 3 < a.size(); i += 4) {
                b.append("\n  ").append(pad((String) a.get(i), width)).append("  ").append(a.get(i + 1)).append(' ')
                        .append(a.get(i + 2));
                if ("control".equals(a.get(i + 1)) && "input".equals(a.get(i + 2))) {
                    b.append(", default ").append(floatValue(a.get(i + 3)));
                }
            }
        }
        return b.toString();
    }

    /** {@code /resource/info i:id s:uri s:state i:refcount} of each slot that is not free. */
    static String resources(List<List<Object>> infos) {
        if (infos.isEmpty()) {
            return "no resources";
        }
        StringBuilder b = new StringBuilder("id  state  holders  uri");
        for (List<Object> a : infos) {
            b.append('\n').append(a.get(0)).append("  ").append(a.get(2)).append("  ").append(a.get(3)).append("  ")
                    .append(a.get(1));
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** An OSC {@code f} as written: 440, 0.3 (not 0.30000001192092896). */
    private static String floatValue(Object n) {
        float f = ((Number) n).floatValue();
        return f == Math.rint(f) && Math.abs(f) < 1e15f ? String.valueOf((long) f) : String.valueOf(f);
    }

    private static String number(Object n) {
        double d = ((Number) n).doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
