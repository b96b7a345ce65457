package la.methc.engine.internal.command;

import java.util.ArrayList;
import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The text of {@code /node/set}'s errors (and the addresses of the node commands RT performs often): a cold helper, so that {@link SetParameter}, performed on RT a thousand
 * times a second, holds no String constant that a C2 compile could resolve there. RT error paths only.
 */
final class ParameterText {

    private ParameterText() {
    }

    /** The addresses of the node commands new with names and introspection, out of their constant pools. */
    static String nodeSet() {
        return "/node/set";
    }

    static String nodeQuery() {
        return "/node/query";
    }

    static String groupQueryTree() {
        return "/group/queryTree";
    }

    static String outOfRange(SynthNode s, int param, int pairs) {
        String why;
        if (s.numResourcePorts() == 0) {
            why = "control input " + param + " out of range (synth has " + s.numControlInputs() + ")";
        } else {
            why = "parameter " + param + " out of range (synth has " + s.numParameters() + ": "
                    + s.numControlInputs() + " control inputs and " + s.numResourcePorts() + " resource ports)";
        }
        return why + nothingSet(pairs);
    }

    /** No parameter of that name: says what the port of that name is, if any, and which parameters there are. */
    static String noSuchName(SynthNode s, String name, int pairs) {
        List<String> names = new ArrayList<>();
        String other = null;
        for (PortDescriptor p : s.ports()) { // the copy made at create: no plugin code on RT
            boolean parameter = p.type() == PortType.RESOURCE
                    || p.type() == PortType.CONTROL && p.direction() == PortDirection.INPUT;
            if (parameter) {
                names.add(p.name());
            } else if (p.name().equals(name) && other == null) {
                other = p.type().name().toLowerCase() + " " + p.direction().name().toLowerCase();
            }
        }
        String uri = s.entry().uri();
        String why = other != null
                ? "port " + name + " of " + uri + " is " + (other.startsWith("a") ? "an " : "a ") + other
                        + ", not a parameter"
                : uri + " has no parameter named " + name;
        return why + " (its parameters: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")"
                + nothingSet(pairs);
    }

    static String floatForResource(String param, int pairs) {
        return "parameter " + param + " is a resource port; give an int resource id" + nothingSet(pairs);
    }

    static String treeBusy(int pool) {
        return "busy: " + pool + " tree queries are being answered; ask again once a reply came";
    }

    /** A resource pair whose id a synth could not bind: out of range, or not a Live Resource (RT: reads the slot). */
    static String notBindable(String param, int id, SlotPool resources, int pairs) {
        String why = !resources.inRange(id) ? "out of range 0.." + (resources.capacity() - 1)
                : resources.isFreePending(id) ? "being freed" : resources.stateName(id) + ", not live";
        return "resource " + id + " for parameter " + param + " is " + why + nothingSet(pairs);
    }

    static String notAGroup(int id) {
        return "node " + id + " is a synth, not a group";
    }

    /** With several pairs, says that none was applied. */
    private static String nothingSet(int pairs) {
        return pairs > 1 ? "; none of the " + pairs + " pairs was set" : "";
    }
}
