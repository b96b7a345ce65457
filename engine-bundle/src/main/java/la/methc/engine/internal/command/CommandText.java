package la.methc.engine.internal.command;

import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The addresses and error texts of the commands RT performs (those not in {@link ParameterText} or
 * {@link NodeCommandText}): a cold helper, so that no command class holds a String constant that a C2 compile
 * requested on RT would resolve (allocate) there. Addresses are read on network threads, when a command is built;
 * the rest only on RT error paths and a refused command's network thread.
 */
final class CommandText {

    private CommandText() {
    }

    static String synthActivate() {
        return "/synth/activate";
    }

    static String bundle() {
        return "#bundle";
    }

    static String resourceDrain() {
        return "/resource/drain";
    }

    static String resourceFree() {
        return "/resource/free";
    }

    static String mapBus(boolean input) {
        return input ? "/synth/map/input" : "/synth/map/output";
    }

    static String groupNew() {
        return "/group/new";
    }

    static String resourceNew() {
        return "/resource/new";
    }

    static String synthNew() {
        return "/synth/new";
    }

    static String resourceQuery() {
        return "/resource/query";
    }

    static String schedulerClear() {
        return "/scheduler/clear";
    }

    static String schedulerQuery() {
        return "/scheduler/query";
    }

    static String status() {
        return "/status";
    }

    static String sync() {
        return "/sync";
    }

    static String doneFlagsSet() {
        return "/synth/property/doneFlags/set";
    }

    static String alreadyActive(int id) {
        return "synth " + id + " is already active";
    }

    static String notAGroup(int id) {
        return "node " + id + " is not a group";
    }

    static String rootNotFreed() {
        return "the root group cannot be freed";
    }

    static String notAllocated(int id) {
        return "resource " + id + " is not allocated";
    }

    static String beingDestroyed(int id) {
        return "resource " + id + " is already being destroyed";
    }

    static String beingFreed(int id) {
        return "resource " + id + " is already being freed";
    }

    static String audioPortOutOfRange(boolean input, int port, int ports) {
        return "audio " + (input ? "input " : "output ") + port + " out of range (synth has " + ports + ")";
    }

    static String resourceIdInUse(int id, String state) {
        return "resource id " + id + " already in use (" + state + ")";
    }

    static String resourceDefRetired(ResourceDefEntry def) {
        return "ResourceDef " + def.uri() + " was unregistered";
    }

    static String synthDefRetired(SynthNode node) {
        return node.def().uri() + " was unregistered";
    }

    /** How the log names a synth refused before it reached RT. */
    static String refusedSynth(SynthNode node) {
        return "refused synth " + node.id() + " (" + node.def().uri() + ")";
    }
}
