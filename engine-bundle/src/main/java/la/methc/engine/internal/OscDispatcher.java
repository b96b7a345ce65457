package la.methc.engine.internal;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import la.methc.api.CommandPlan;
import la.methc.api.OscArgList;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.engine.internal.command.ActivateSynth;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.CommandBatch;
import la.methc.engine.internal.command.CommandDefEntry;
import la.methc.engine.internal.command.CommandOrder;
import la.methc.engine.internal.command.FreeNode;
import la.methc.engine.internal.command.FreeResource;
import la.methc.engine.internal.command.MapBus;
import la.methc.engine.internal.command.NewGroup;
import la.methc.engine.internal.command.NewResource;
import la.methc.engine.internal.command.NewSynth;
import la.methc.engine.internal.command.PluginCommand;
import la.methc.engine.internal.command.QueryResource;
import la.methc.engine.internal.command.SchedulerCommand;
import la.methc.engine.internal.command.ServerCommand;
import la.methc.engine.internal.command.SetParameter;
import la.methc.engine.internal.command.SetDoneFlags;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.osc.PacketSink;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.tree.AddAction;
import la.methc.engine.internal.tree.BusMapping;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.SynthDefEntry;
import la.methc.engine.internal.tree.SynthDestruction;
import la.methc.engine.internal.tree.SynthNode;
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
    public static final String VERSION = "0.1.0";
    /** The address of an {@code /error} about a whole bundle. */
    public static final String BUNDLE = "#bundle";
    /** How long a request waits for room in RT's request queue before it is refused. */
    static final long SUBMIT_PATIENCE_MS = 10_000;

    /** The addresses handled here; a CommandDef cannot take them. Keep in step with {@link #handle}. */
    public static final Set<String> BUILT_IN = Set.of("/group/new", "/group/freeAll", "/node/free", "/synth/new",
            "/synth/activate", "/synth/map/input", "/synth/map/output", "/synth/property/doneFlags/set", "/node/set",
            "/resource/new", "/resource/free", "/resource/query", "/notify", "/sync", "/status", "/version", "/quit",
            "/scheduler/clear", "/scheduler/query");

    /** A real-time bundle further ahead than this is refused: a wrong epoch or unit, not a plan. */
    static final double MAX_SECONDS_AHEAD = 86_400;

    private final Engine engine;
    private final SynthDefRegistry defs;
    private final ResourceDefRegistry resourceDefs;
    private final CommandDefRegistry commandDefs;
    /** The order plugin commands run in: one engine, one dispatcher, one order. */
    private final CommandOrder commandOrder = new CommandOrder();
    private final Runnable quit;

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
        this.defs = defs;
        this.resourceDefs = resourceDefs;
        this.commandDefs = commandDefs;
        this.quit = quit;
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

    private void handleSafely(OSCMessage m, Client from, Intake time) {
        try {
            handle(m, m.getArguments(), from, time);
        } catch (RuntimeException e) {
            // a decoder bug must not take the network thread down
            LOG.error("failed to handle {}", m.getAddress(), e);
            error(from, m.getAddress(), -1, "internal error: " + e);
        }
    }

    /** The commands of one message or bundle, on their way to RT as one request, and their time. */
    private static final class Intake {
        final long time;
        final List<Command> commands = new ArrayList<>(1);

        Intake(long time) {
            this.time = time;
        }
    }

    private void handle(OSCMessage m, List<Object> a, Client from, Intake time) {
        String address = m.getAddress();
        switch (address) {
            case "/group/new" -> {
                if (check(from, address, a, "iii") && validNewNode(from, address, a)) {
                    submit(from, new NewGroup(from, new Group(i(a, 0)), i(a, 1), i(a, 2)), time);
                }
            }
            case "/group/freeAll" -> {
                if (check(from, address, a, "i")) {
                    submit(from, new FreeNode(address, from, i(a, 0), true), time);
                }
            }
            case "/node/free" -> {
                if (check(from, address, a, "i")) {
                    submit(from, new FreeNode(address, from, i(a, 0), false), time);
                }
            }
            case "/synth/new" -> {
                if (check(from, address, a, "siii|[[") && validNewNode(from, address, a.subList(1, a.size()))) {
                    newSynth(from, a, time);
                }
            }
            case "/synth/activate" -> {
                if (check(from, address, a, "i")) {
                    submit(from, new ActivateSynth(from, i(a, 0)), time);
                }
            }
            case "/synth/map/input", "/synth/map/output" -> {
                if (check(from, address, a, "iiii")) {
                    mapBus(from, address, a, time);
                }
            }
            case "/synth/property/doneFlags/set" -> {
                if (check(from, address, a, "ii")) {
                    if ((i(a, 1) & ~Node.DONE_ALL) != 0) {
                        error(from, address, i(a, 0), "unknown done flags " + i(a, 1));
                    } else {
                        submit(from, new SetDoneFlags(from, i(a, 0), i(a, 1)), time);
                    }
                }
            }
            case "/node/set" -> {
                if (check(from, address, a, "iin")) {
                    submit(from, new SetParameter(from, i(a, 0), i(a, 1), (Number) a.get(2)), time);
                }
            }
            case "/resource/new" -> {
                if (checkResourceNew(from, address, a)) {
                    newResource(from, a, time);
                }
            }
            case "/resource/free" -> {
                if (check(from, address, a, "i") && validResourceId(from, address, i(a, 0))) {
                    submit(from, new FreeResource(from, i(a, 0)), time);
                }
            }
            case "/resource/query" -> {
                if (check(from, address, a, "i") && validResourceId(from, address, i(a, 0))) {
                    submit(from, new QueryResource(from, i(a, 0)), time);
                }
            }
            case "/notify" -> {
                if (check(from, address, a, "i")) {
                    if (i(a, 0) != 0) {
                        engine.clients().register(from);
                    } else {
                        engine.clients().unregister(from);
                    }
                    from.send(new OSCMessage("/done", List.of(address)));
                }
            }
            case "/sync" -> {
                if (check(from, address, a, "i")) {
                    submit(from, ServerCommand.sync(from, i(a, 0)), time);
                }
            }
            case "/status" -> {
                if (check(from, address, a, "")) {
                    submit(from, ServerCommand.status(from), time);
                }
            }
            case "/scheduler/clear" -> {
                if (check(from, address, a, "")) {
                    submit(from, SchedulerCommand.clear(from), time);
                }
            }
            case "/scheduler/query" -> {
                if (check(from, address, a, "")) {
                    submit(from, SchedulerCommand.query(from), time);
                }
            }
            case "/version" -> {
                if (check(from, address, a, "")) {
                    from.send(new OSCMessage("/version.reply", List.of("Methcla/J", 0, 1, VERSION)));
                }
            }
            case "/quit" -> {
                if (check(from, address, a, "")) {
                    from.send(new OSCMessage("/done", List.of(address)));
                    quit.run();
                }
            }
            default -> {
                CommandDefEntry command = commandDefs.get(address);
                if (command != null) {
                    pluginCommand(command, from, a, time);
                } else {
                    error(from, address, -1, "unknown command " + address);
                }
            }
        }
    }

    /**
     * A CommandDef's address: its plan, made here (an exception is the client's {@code /error}), goes to RT,
     * which dispatches the task to a worker. The id of an {@code /error} here is the first argument if it is an
     * {@code i}.
     */
    private void pluginCommand(CommandDefEntry command, Client from, List<Object> a, Intake time) {
        String address = command.address();
        int id = !a.isEmpty() && a.get(0) instanceof Integer n ? n : -1;
        CommandPlan plan;
        try {
            plan = command.def().plan(engine.host(), new OscArgList(a));
        } catch (IllegalArgumentException e) {
            error(from, address, id, e.getMessage() != null ? e.getMessage() : e.toString());
            return;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("plan of {} failed", address, e);
            error(from, address, id, address + " failed to plan: " + e);
            return;
        }
        if (plan == null) {
            error(from, address, id, address + " planned nothing");
            return;
        }
        submit(from, new PluginCommand(from, command, plan, engine.context(), commandOrder), time);
    }

    private boolean validNewNode(Client from, String address, List<Object> a) {
        int id = i(a, 0);
        if (!engine.tree().inRange(id)) {
            error(from, address, id, "node id " + id + " out of range 0.." + (engine.tree().capacity() - 1));
            return false;
        }
        if (!AddAction.isValid(i(a, 2))) {
            error(from, address, id, "bad add action " + i(a, 2) + " (0 head, 1 tail, 2 before, 3 after)");
            return false;
        }
        return true;
    }

    private void newSynth(Client from, List<Object> a, Intake time) {
        String address = "/synth/new";
        int id = i(a, 1);
        SynthDefEntry entry = defs.get((String) a.get(0));
        if (entry == null) {
            error(from, address, id, "unknown SynthDef " + a.get(0));
            return;
        }
        float[] controls;
        try {
            controls = controls(a.size() > 4 ? (List<?>) a.get(4) : List.of());
        } catch (IllegalArgumentException e) {
            error(from, address, id, e.getMessage());
            return;
        }
        OscArgs options = a.size() > 5 ? new OscArgList(new ArrayList<>((List<?>) a.get(5))) : OscArgs.empty();
        Synth synth;
        try {
            synth = entry.def().construct(engine.host(), options);
        } catch (IllegalArgumentException e) {
            error(from, address, id, entry.def().uri() + ": " + e.getMessage());
            return;
        } catch (Throwable e) {
            // plugin code: even an Error must not take the network thread down
            LOG.warn("construct of {} failed", entry.def().uri(), e);
            error(from, address, id, entry.def().uri() + " failed to construct: " + e);
            return;
        }
        if (synth == null) {
            error(from, address, id, entry.def().uri() + " constructed no synth");
            return;
        }
        SynthNode node;
        try {
            node = SynthNode.create(id, entry, synth, controls, engine.blockSize());
        } catch (IllegalArgumentException e) {
            error(from, address, id, e.getMessage());
            SynthDestruction.destroy(synth, engine.host(), "refused synth " + id + " (" + entry.def().uri() + ")");
            return;
        }
        submit(from, new NewSynth(from, node, i(a, 2), i(a, 3)), time);
    }

    /** {@code s:def i:id} then any arguments, which go to the ResourceDef's construct. */
    private static boolean checkResourceNew(Client from, String address, List<Object> a) {
        if (a.size() >= 2 && a.get(0) instanceof String && a.get(1) instanceof Integer) {
            return true;
        }
        int id = a.size() >= 2 && a.get(1) instanceof Integer n ? n : -1;
        error(from, address, id, "bad arguments ," + TypeTags.of(a) + ": expected ,si then the ResourceDef's arguments");
        return false;
    }

    private boolean validResourceId(Client from, String address, int id) {
        if (engine.resources().inRange(id)) {
            return true;
        }
        error(from, address, id, "resource id " + id + " out of range 0.." + (engine.resources().capacity() - 1));
        return false;
    }

    private void newResource(Client from, List<Object> a, Intake time) {
        String address = "/resource/new";
        int id = i(a, 1);
        if (!validResourceId(from, address, id)) {
            return;
        }
        ResourceDefEntry entry = resourceDefs.get((String) a.get(0));
        if (entry == null) {
            error(from, address, id, "unknown ResourceDef " + a.get(0));
            return;
        }
        OscArgs args = new OscArgList(new ArrayList<>(a.subList(2, a.size())));
        submit(from, new NewResource(from, id, entry, args), time);
    }

    private static float[] controls(List<?> values) {
        float[] controls = new float[values.size()];
        for (int k = 0; k < controls.length; k++) {
            if (!(values.get(k) instanceof Float || values.get(k) instanceof Integer)) {
                throw new IllegalArgumentException("control " + k + " is not a number");
            }
            controls[k] = ((Number) values.get(k)).floatValue();
        }
        return controls;
    }

    private void mapBus(Client from, String address, List<Object> a, Intake time) {
        boolean input = address.endsWith("input");
        int id = i(a, 0);
        int bus = i(a, 2);
        int flags = i(a, 3);
        if ((flags & ~BusMapping.ALL) != 0) {
            error(from, address, id, "unknown bus mapping flags " + flags);
            return;
        }
        int count = engine.buses().count(flags, input);
        if (bus >= count || bus < -1) {
            String kind = (flags & BusMapping.EXTERNAL) != 0 ? "hardware " + (input ? "input" : "output") : "internal";
            error(from, address, id, kind + " bus " + bus + " out of range 0.." + (count - 1));
            return;
        }
        submit(from, new MapBus(from, input, id, i(a, 1), bus, flags), time);
    }

    private boolean check(Client from, String address, List<Object> a, String pattern) {
        if (TypeTags.matches(a, pattern)) {
            return true;
        }
        int id = !a.isEmpty() && a.get(0) instanceof Integer n ? n : -1;
        error(from, address, id, "bad arguments ," + TypeTags.of(a) + ": expected ," + TypeTags.describe(pattern));
        return false;
    }

    private static void submit(Client from, Command c, Intake time) {
        time.commands.add(c);
    }

    /**
     * Hands the commands of one message or bundle to RT as one request, waiting while its queue is full
     * (back-pressure: the client's next packets wait too). A bundle that needs more replies than RT can ever hold
     * at once is refused whole (ADR 0012).
     */
    private void submit(Client from, Intake in) {
        List<Command> commands = in.commands;
        if (commands.isEmpty()) {
            return;
        }
        Command c = commands.size() == 1 ? commands.get(0) : new CommandBatch(commands);
        if (c.events() > Engine.REQUEST_EVENTS) {
            error(from, BUNDLE, -1, "bundle of " + commands.size() + " messages needs up to " + c.events()
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

    private static int i(List<Object> a, int index) {
        return (Integer) a.get(index);
    }

    private static void error(Client to, String address, int id, String reason) {
        to.send(new OSCMessage("/error", List.of(address, id, reason)));
    }
}
