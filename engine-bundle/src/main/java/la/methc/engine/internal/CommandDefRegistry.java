package la.methc.engine.internal;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import la.methc.api.CommandDef;
import la.methc.engine.internal.plugin.CommandDefEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CommandDefs currently bound, by OSC address. NRT, thread-safe. */
public final class CommandDefRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDefRegistry.class);

    private final ConcurrentHashMap<String, CommandDefEntry> defs = new ConcurrentHashMap<>();
    private final Set<String> builtIn;

    /** A registry that refuses the engine's own addresses ({@link OscDispatcher#BUILT_IN}). */
    public CommandDefRegistry() {
        this(OscDispatcher.BUILT_IN);
    }

    CommandDefRegistry(Set<String> builtIn) {
        this.builtIn = builtIn;
    }

    /**
     * Adds a def. Refused with a warning: an address that is not an OSC address, a built-in verb, or one
     * already bound (the first def keeps it).
     */
    public boolean add(CommandDef def) {
        String address;
        try {
            address = def.address();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("CommandDef {} ignored: address() threw", def.getClass().getName(), e);
            return false;
        }
        if (address == null || !address.startsWith("/") || address.length() < 2) {
            LOG.warn("CommandDef {} ignored: {} is not an OSC address", def.getClass().getName(), address);
            return false;
        }
        if (builtIn.contains(address)) {
            LOG.warn("CommandDef {} ignored: {} is a built-in command", def.getClass().getName(), address);
            return false;
        }
        CommandDefEntry entry = new CommandDefEntry(def, address, "CommandDef " + address + " was unregistered");
        CommandDefEntry old = defs.putIfAbsent(address, entry);
        if (old != null) {
            LOG.warn("CommandDef {} from {} ignored: that address is already bound to {}", address,
                    def.getClass().getName(), old.def().getClass().getName());
            return false;
        }
        LOG.info("bound CommandDef {}", address);
        return true;
    }

    /**
     * Removes a def: its address is answered "unknown command" from now on. Returns its entry, for the caller
     * to {@link CommandDefEntry#retire retire} (refuse what was accepted but not dispatched yet, wait for what
     * runs), or null if it was not bound.
     */
    public CommandDefEntry remove(CommandDef def) {
        for (CommandDefEntry entry : defs.values()) {
            if (entry.def() == def && defs.remove(entry.address(), entry)) {
                LOG.info("unbound CommandDef {}", entry.address());
                return entry;
            }
        }
        return null;
    }

    public CommandDefEntry get(String address) {
        return defs.get(address);
    }

    public Collection<CommandDefEntry> all() {
        return defs.values();
    }
}
