package la.methc.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The built-in OSC addresses, each registered once with its type tags and its handler (scsynth's command table in
 * {@code SC_MiscCmds.cpp} is the model: the list is the registration). What is not here goes to a CommandDef.
 * Built once; read by any thread.
 */
final class CommandTable {

    /** Handles a message whose type tags matched. */
    interface Handler {
        void handle(BuiltInCommands commands, Request r);
    }

    private record Entry(String tags, Handler handler) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * Registers {@code address}: a message whose arguments match {@code tags} ({@link TypeTags}) goes to
     * {@code handler}; any other is answered {@code /error}. {@code tags} null: the handler checks them itself.
     */
    CommandTable add(String address, String tags, Handler handler) {
        if (entries.putIfAbsent(address, new Entry(tags, handler)) != null) {
            throw new IllegalArgumentException(address + " registered twice");
        }
        return this;
    }

    /** The addresses registered; a CommandDef cannot take them. */
    Set<String> addresses() {
        return Set.copyOf(entries.keySet());
    }

    /** Handles {@code r} if its address is registered: checks its type tags, then runs the handler. */
    boolean handle(BuiltInCommands commands, Request r) {
        Entry e = entries.get(r.address);
        if (e == null) {
            return false;
        }
        if (e.tags() == null || TypeTags.matches(r.args, e.tags())) {
            e.handler().handle(commands, r);
        } else {
            r.error(r.firstId(), "bad arguments ," + TypeTags.of(r.args) + ": expected ," + TypeTags.describe(e.tags()));
        }
        return true;
    }
}
