package la.methc.engine.internal;

import la.methc.api.WorldCommand;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The text of the {@link Engine}'s errors and warnings, built on RT only on those error paths. A class of its own
 * so that {@link Engine}, whose block loop runs on RT, holds no String constants: when HotSpot compiles a method
 * with C2, the thread that asked for the compile resolves (allocates) every String constant of the method's
 * class, and for {@link Engine#process} that is the RT thread, some 5,000 blocks after the engine started. See
 * {@code la.methc.engine.internal.resource.JobFailures}.
 */
final class EngineText {

    private EngineText() {
    }

    /** The reason of {@code /error} when a request's time is too far off for the scheduler's queue. */
    static String schedulerFull() {
        return "scheduler full";
    }

    /** The reason of {@code /error} when too many replies are scheduled ahead. */
    static String scheduledFull(int events, int limit) {
        return "bundles scheduled ahead would hold more than " + limit + " replies (this one " + events
                + "); none of it ran";
    }

    /** The reason of {@code /error} for a plugin command when too many wait for Resources being made. */
    static String waitLineFull(int capacity) {
        return "too many commands wait for resources being made (" + capacity + ")";
    }

    /** The reason of {@code /error} for a plugin command that waited for a Resource when the engine shut down. */
    static String shuttingDown() {
        return "the engine is shutting down";
    }

    /** The address of {@code /error} for a synth whose process threw. */
    static String synthProcess() {
        return "/synth/process";
    }

    static String synthThrew(SynthNode n, Throwable failure) {
        return n.entry().uri() + " threw " + failure;
    }

    static String commandThrew(WorldCommand command) {
        return "WorldCommand " + command + " threw";
    }

    static String detachThrew(SynthNode node) {
        return "node " + node.id() + " (" + node.def().uri() + "): detach threw";
    }

    static String leftHolding(SynthNode node, int id, int count) {
        return "node " + node.id() + " (" + node.def().uri() + ") left the tree holding resource " + id + " ("
                + count + "x); released by the engine";
    }

    /** The address of a worker's reply to RT (it never reaches a client). */
    static String worldPerform() {
        return "/world/perform";
    }

    static String sync() {
        return "/sync";
    }

    /** The addresses of the engine's own commands ({@link EngineCommands}), out of their constant pools. */
    static String latch() {
        return "/latch";
    }

    static String retire() {
        return "/retire";
    }

    static String shutdown() {
        return "/shutdown";
    }
}
