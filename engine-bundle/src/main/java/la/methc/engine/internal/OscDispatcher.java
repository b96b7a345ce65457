package la.methc.engine.internal;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.CommandBatch;
import la.methc.engine.internal.plugin.CommandDefEntry;
import la.methc.engine.internal.plugin.PluginCommand;
import la.methc.engine.internal.Request.Intake;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.osc.PacketSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network thread (NRT): turns OSC messages into {@link Command}s for RT. Everything that can be checked
 * without RT state (types, ranges, the SynthDef or ResourceDef, plugin construction) is checked here and
 * answered with {@code /error} at once; what needs the tree or the slots (ids in use, targets, slot states)
 * is checked on RT. An address the engine does not know goes to the {@link la.methc.api.CommandDef} bound to it,
 * if any: its plan is made here, its task runs on a worker ({@link PluginCommand}).
 */
public final class OscDispatcher implements PacketSink {

    private static final Logger LOG = LoggerFactory.getLogger(OscDispatcher.class);
    public static final String VERSION = BuiltInCommands.VERSION;
    /** The address of an {@code /error} about a whole bundle. */
    public static final String BUNDLE = "#bundle";
    /** How long a request waits for room in RT's request queue before it is refused. */
    static final long SUBMIT_PATIENCE_MS = 10_000;

    /** The addresses handled by the engine ({@link BuiltInCommands#TABLE}); a CommandDef cannot take them. */
    public static final Set<String> BUILT_IN = BuiltInCommands.ADDRESSES;

    /** A real-time bundle further ahead than this is refused: a wrong epoch or unit, not a plan. */
    static final double MAX_SECONDS_AHEAD = 86_400;

    private final Engine engine;
    private final CommandDefRegistry commandDefs;
    private final BuiltInCommands builtIns;

    /** Without ResourceDefs: every {@code /resource/new} names an unknown one. */
    public OscDispatcher(Engine engine, SynthDefRegistry defs, Runnable quit) {
        this(engine, defs, new ResourceDefRegistry(), quit);
    }

    /** Without CommandDefs: an address not built in is an unknown command. */
    public OscDispatcher(Engine engine, SynthDefRegistry defs, ResourceDefRegistry resourceDefs, Runnable quit) {
        this(engine, defs, resourceDefs, new CommandDefRegistry(), quit);
    }

    public OscDispatcher(Engine engine, SynthDefRegistry defs, ResourceDefRegistry resourceDefs,
            CommandDefRegistry commandDefs, Runnable quit) {
        this.engine = engine;
        this.commandDefs = commandDefs;
        builtIns = new BuiltInCommands(engine, defs, resourceDefs, quit);
    }

    @Override
    public void onPacket(OSCPacket packet, Client from) {
        if (packet instanceof OSCBundle bundle) {
            double ahead = secondsAhead(bundle);
            if (ahead > MAX_SECONDS_AHEAD) {
                // none of its messages run: the whole packet is refused
                error(from, BUNDLE, -1, String.format(Locale.ROOT,
                        "bundle time tag is %.1f s ahead; the limit is one day (%.0f s)", ahead, MAX_SECONDS_AHEAD));
                return;
            }
        }
        dispatch(packet, from, Command.NOW);
    }

    /** How far ahead of now the latest time tag in {@code bundle} (nested bundles included) is, in seconds. */
    private double secondsAhead(OSCBundle bundle) {
        double ahead = engine.clock().secondsAhead(bundle.getTimestamp());
        for (OSCPacket p : bundle.getPackets()) {
            if (p instanceof OSCBundle inner) {
                ahead = Math.max(ahead, secondsAhead(inner));
            }
        }
        return ahead;
    }

    @Override
    public void onBadPacket(Client from, String reason) {
        LOG.debug("bad packet from {}: {}", from.describe(), reason);
        error(from, "", -1, "malformed OSC packet: " + reason);
    }

    private void dispatch(OSCPacket packet, Client from, long time) {
        if (packet instanceof OSCBundle bundle) {
            long t = engine.clock().frameOf(bundle.getTimestamp());
            // a bundle's messages go to RT as one request (a nested bundle between them as another)
            Intake batch = new Intake(t);
            for (OSCPacket p : bundle.getPackets()) {
                if (p instanceof OSCMessage m) {
                    handleSafely(m, from, batch);
                } else {
                    submit(from, batch);
                    batch = new Intake(t);
                    dispatch(p, from, t);
                }
            }
            submit(from, batch);
        } else {
            Intake one = new Intake(time);
            handleSafely((OSCMessage) packet, from, one);
            submit(from, one);
        }
    }

    private void handleSafely(OSCMessage m, Client from, Intake intake) {
        Request r = new Request(m, from, intake);
        try {
            if (!BuiltInCommands.TABLE.handle(builtIns, r)) {
                CommandDefEntry command = commandDefs.get(r.address);
                if (command != null) {
                    builtIns.pluginCommand(command, r);
                } else {
                    r.error(-1, "unknown command " + r.address);
                }
            }
        } catch (RuntimeException e) {
            // a decoder bug must not take the network thread down
            LOG.error("failed to handle {}", m.getAddress(), e);
            error(from, m.getAddress(), -1, "internal error: " + e);
        }
    }

    /**
     * Hands the commands of one message or bundle to RT as one request, waiting while its queue is full
     * (back-pressure: the client's next packets wait too). A bundle that needs more replies than RT can ever hold
     * at once is refused whole (ADR 0012).
     */
    private void submit(Client from, Intake in) {
        if (in.first == null) {
            return;
        }
        Command c = in.more == null ? in.first : new CommandBatch(in.more, from);
        if (c.events() > Engine.REQUEST_EVENTS) {
            error(from, BUNDLE, -1, "bundle of " + in.more.size() + " messages needs up to " + c.events()
                    + " replies; the engine answers at most " + Engine.REQUEST_EVENTS + " at once (at least "
                    + Engine.REQUEST_EVENTS / 2 + " messages of any kind); none of it ran");
            c.refused(engine.host());
            return;
        }
        if (!engine.submit(c.at(in.time), SUBMIT_PATIENCE_MS)) {
            LOG.warn("request from {} refused: the engine took no request for {} ms", from.describe(),
                    SUBMIT_PATIENCE_MS);
            error(from, c.address(), -1, "engine request queue full for " + SUBMIT_PATIENCE_MS + " ms; none of it ran");
            c.refused(engine.host());
        }
    }

    static void error(Client to, String address, int id, String reason) {
        to.send(new OSCMessage("/error", List.of(address, id, reason)));
    }
}
