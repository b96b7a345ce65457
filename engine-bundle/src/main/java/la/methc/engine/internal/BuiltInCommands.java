package la.methc.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import la.methc.api.CommandPlan;
import la.methc.api.OscArgList;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.engine.internal.command.ActivateSynth;
import la.methc.engine.internal.plugin.CommandDefEntry;
import la.methc.engine.internal.plugin.CommandOrder;
import la.methc.engine.internal.command.FreeNode;
import la.methc.engine.internal.command.FreeResource;
import la.methc.engine.internal.command.MapBus;
import la.methc.engine.internal.command.NewGroup;
import la.methc.engine.internal.command.NewResource;
import la.methc.engine.internal.command.NewSynth;
import la.methc.engine.internal.plugin.PluginCommand;
import la.methc.engine.internal.command.QueryNode;
import la.methc.engine.internal.command.QueryResource;
import la.methc.engine.internal.command.QueryTree;
import la.methc.engine.internal.command.SchedulerCommand;
import la.methc.engine.internal.command.ServerCommand;
import la.methc.engine.internal.command.SetDoneFlags;
import la.methc.engine.internal.command.SetParameter;
import la.methc.engine.internal.command.StartRecording;
import la.methc.engine.internal.command.StopRecording;
import la.methc.engine.internal.notify.Clients;
import la.methc.engine.internal.record.OutputRecorder;
import la.methc.engine.internal.record.RecorderText;
import la.methc.engine.internal.record.Recording;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.tree.AddAction;
import la.methc.engine.internal.bus.BusMapping;
import la.methc.engine.internal.tree.Group;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.SynthDefEntry;
import la.methc.engine.internal.tree.SynthDestruction;
import la.methc.engine.internal.tree.SynthNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in OSC commands: {@link #TABLE} registers each address once, with its type tags and its handler. A
 * handler checks what needs no RT state (ranges, the SynthDef or ResourceDef, plugin construction) and answers
 * {@code /error} at once, or hands a command to RT. Network threads.
 */
final class BuiltInCommands {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInCommands.class);
    static final String VERSION = "0.1.0";

    static final CommandTable TABLE = new CommandTable()
            .add("/group/new", "iii|i", BuiltInCommands::newGroup)
            .add("/group/freeAll", "i", (c, r) -> r.submit(new FreeNode(r.address, r.from, r.i(0), true)))
            .add("/node/free", "i", (c, r) -> r.submit(new FreeNode(r.address, r.from, r.i(0), false)))
            .add("/synth/new", "siii|[[", BuiltInCommands::newSynth)
            .add("/synth/activate", "i", (c, r) -> r.submit(new ActivateSynth(r.from, r.i(0))))
            .add("/synth/map/input", "iiii", BuiltInCommands::mapBus)
            .add("/synth/map/output", "iiii", BuiltInCommands::mapBus)
            .add("/synth/property/doneFlags/set", "ii", (c, r) -> doneFlags(r))
            .add("/node/set", null, (c, r) -> setParameters(r))
            .add("/node/query", "i", (c, r) -> r.submit(new QueryNode(r.from, r.i(0))))
            .add("/group/queryTree", "i", (c, r) -> r.submit(new QueryTree(r.from, r.i(0))))
            .add("/synthdef/list", "", (c, r) -> r.reply("/synthdef/list.reply", SynthDefInfo.uris(c.defs).toArray()))
            .add("/synthdef/info", "s", BuiltInCommands::synthDefInfo)
            .add("/resource/new", null, BuiltInCommands::newResource)
            .add("/resource/free", "i", (c, r) -> {
                if (c.validResourceId(r, r.i(0))) {
                    r.submit(new FreeResource(r.from, r.i(0)));
                }
            })
            .add("/resource/query", "i", (c, r) -> {
                if (c.validResourceId(r, r.i(0))) {
                    r.submit(new QueryResource(r.from, r.i(0)));
                }
            })
            .add(RecorderText.START, "s|i", BuiltInCommands::startRecording)
            .add(RecorderText.STOP, "", (c, r) -> r.submit(new StopRecording(r.from)))
            .add("/notify", "i", BuiltInCommands::notify)
            .add("/sync", "i", (c, r) -> r.submit(ServerCommand.sync(r.from, r.i(0))))
            .add("/status", "", (c, r) -> r.submit(ServerCommand.status(r.from)))
            .add("/scheduler/clear", "", (c, r) -> r.submit(SchedulerCommand.clear(r.from)))
            .add("/scheduler/query", "", (c, r) -> r.submit(SchedulerCommand.query(r.from)))
            .add("/version", "", (c, r) -> r.reply("/version.reply", "Methcla/J", 0, 1, VERSION))
            .add("/quit", "", (c, r) -> {
                r.reply("/done", r.address);
                c.quit.run();
            });

    /** The addresses handled here; a CommandDef cannot take them. */
    static final Set<String> ADDRESSES = TABLE.addresses();

    private final Engine engine;
    private final SynthDefRegistry defs;
    private final ResourceDefRegistry resourceDefs;
    /** The order plugin commands run in: one engine, one dispatcher, one order. */
    private final CommandOrder commandOrder = new CommandOrder();
    private final Runnable quit;

    BuiltInCommands(Engine engine, SynthDefRegistry defs, ResourceDefRegistry resourceDefs, Runnable quit) {
        this.engine = engine;
        this.defs = defs;
        this.resourceDefs = resourceDefs;
        this.quit = quit;
    }

    private void newGroup(Request r) {
        int parallel = r.args.size() > 3 ? r.i(3) : 0;
        if (parallel != 0 && parallel != 1) {
            r.error(r.i(0), "parallel must be 0 (a plain group) or 1 (a parallel group), got " + parallel);
        } else if (validNewNode(r, r.args)) {
            r.submit(new NewGroup(r.from, new Group(r.i(0), parallel == 1), r.i(1), r.i(2)));
        }
    }

    private void notify(Request r) {
        if (r.i(0) != 0) {
            Clients clients = engine.clients();
            if (!clients.register(r.from)) {
                r.error(-1, clients.max() + " of " + clients.max() + " client registrations (option maxClients) are "
                        + "in use; a client leaves with /notify 0");
                return;
            }
        } else {
            engine.clients().unregister(r.from);
        }
        r.reply("/done", r.address);
    }

    /**
     * {@code s:path [i:channels]}: the path confined to the sample root, the recorder claimed and the file opened
     * here (a network thread, not RT); RT starts recording at the command's frame.
     */
    private void startRecording(Request r) {
        OutputRecorder recorder = engine.context().recorder();
        int channels = r.args.size() > 1 ? r.i(1) : recorder.outputs();
        Path path;
        try {
            path = engine.host().samplePath((String) r.args.get(0));
        } catch (IllegalArgumentException e) {
            r.error(-1, e.getMessage());
            return;
        }
        Recording recording;
        try {
            recording = recorder.open(path, channels);
        } catch (IllegalArgumentException e) {
            r.error(-1, e.getMessage());
            return;
        } catch (IOException e) {
            LOG.warn("cannot record to {}: {}", path, e.toString());
            r.error(-1, "cannot write " + path + ": " + e);
            return;
        }
        r.submit(new StartRecording(r.from, recording));
    }

    /** {@code i:id} then pairs of {@code i:number} or {@code s:name} and {@code f} or {@code i}, as {@code /n_set}. */
    private static void setParameters(Request r) {
        List<Object> a = r.args;
        boolean ok = a.size() >= 3 && a.size() % 2 == 1 && a.get(0) instanceof Integer;
        for (int k = 1; ok && k < a.size(); k += 2) {
            ok = (a.get(k) instanceof Integer || a.get(k) instanceof String)
                    && (a.get(k + 1) instanceof Float || a.get(k + 1) instanceof Integer);
        }
        if (ok) {
            r.submit(new SetParameter(r.from, r.i(0), a.subList(1, a.size())));
        } else {
            r.error(r.firstId(), "bad arguments ," + TypeTags.of(a) + ": expected ,i then pairs of a parameter (i:number"
                    + " or s:name) and a value (f, or i)");
        }
    }

    /** {@code s:uri} → {@code /synthdef/info.reply s:uri} then {@code s:name s:kind s:direction f:default} per port. */
    private void synthDefInfo(Request r) {
        String uri = (String) r.args.get(0);
        SynthDefEntry entry = defs.get(uri);
        if (entry == null || entry.isRetired()) {
            r.error(-1, "unknown SynthDef " + uri);
            return;
        }
        List<Object> reply = new ArrayList<>();
        reply.add(uri);
        try {
            reply.addAll(SynthDefInfo.ports(entry, engine.host()));
        } catch (IllegalArgumentException e) {
            r.error(-1, e.getMessage());
            return;
        }
        r.reply("/synthdef/info.reply", reply.toArray());
    }

    private static void doneFlags(Request r) {
        if ((r.i(1) & ~Node.DONE_ALL) != 0) {
            r.error(r.i(0), "unknown done flags " + r.i(1));
        } else {
            r.submit(new SetDoneFlags(r.from, r.i(0), r.i(1)));
        }
    }

    /**
     * A CommandDef's address: its plan, made here (an exception is the client's {@code /error}), goes to RT, which
     * dispatches the task to a worker. The id of an {@code /error} here is the first argument if it is an {@code i}.
     */
    void pluginCommand(CommandDefEntry command, Request r) {
        int id = r.firstId();
        CommandPlan plan;
        try {
            plan = command.def().plan(engine.host(), new OscArgList(r.args));
        } catch (IllegalArgumentException e) {
            r.error(id, e.getMessage() != null ? e.getMessage() : e.toString());
            return;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("plan of {} failed", r.address, e);
            r.error(id, r.address + " failed to plan: " + e);
            return;
        }
        if (plan == null) {
            r.error(id, r.address + " planned nothing");
            return;
        }
        r.submit(new PluginCommand(r.from, command, plan, engine.context(), commandOrder));
    }

    private boolean validNewNode(Request r, List<Object> a) {
        int id = (Integer) a.get(0);
        if (id < 0) {
            r.error(id, "node id " + id + " is negative (node ids are 0 to " + Integer.MAX_VALUE + ")");
            return false;
        }
        int action = (Integer) a.get(2);
        if (!AddAction.isValid(action)) {
            r.error(id, "bad add action " + action + " (0 head, 1 tail, 2 before, 3 after)");
            return false;
        }
        return true;
    }

    private void newSynth(Request r) {
        List<Object> a = r.args;
        if (!validNewNode(r, a.subList(1, a.size()))) {
            return;
        }
        int id = r.i(1);
        SynthDefEntry entry = defs.get((String) a.get(0));
        if (entry == null) {
            r.error(id, "unknown SynthDef " + a.get(0));
            return;
        }
        float[] controls;
        try {
            controls = controls(a.size() > 4 ? (List<?>) a.get(4) : List.of());
        } catch (IllegalArgumentException e) {
            r.error(id, e.getMessage());
            return;
        }
        OscArgs options = a.size() > 5 ? new OscArgList(new ArrayList<>((List<?>) a.get(5))) : OscArgs.empty();
        String uri = entry.def().uri();
        Synth synth;
        try {
            synth = entry.def().construct(engine.host(), options);
        } catch (IllegalArgumentException e) {
            r.error(id, uri + ": " + e.getMessage());
            return;
        } catch (Throwable e) {
            // plugin code: even an Error must not take the network thread down
            LOG.warn("construct of {} failed", uri, e);
            r.error(id, uri + " failed to construct: " + e);
            return;
        }
        if (synth == null) {
            r.error(id, uri + " constructed no synth");
            return;
        }
        SynthNode node;
        try {
            node = SynthNode.create(id, entry, synth, controls, engine.blockSize());
        } catch (IllegalArgumentException e) {
            r.error(id, e.getMessage());
            SynthDestruction.destroy(synth, engine.host(), "refused synth " + id + " (" + uri + ")");
            return;
        }
        r.submit(new NewSynth(r.from, node, r.i(2), r.i(3)));
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

    /** {@code s:def i:id} then any arguments, which go to the ResourceDef's construct. */
    private void newResource(Request r) {
        List<Object> a = r.args;
        if (a.size() < 2 || !(a.get(0) instanceof String) || !(a.get(1) instanceof Integer)) {
            int id = a.size() >= 2 && a.get(1) instanceof Integer n ? n : -1;
            r.error(id, "bad arguments ," + TypeTags.of(a) + ": expected ,si then the ResourceDef's arguments");
            return;
        }
        int id = r.i(1);
        if (!validResourceId(r, id)) {
            return;
        }
        ResourceDefEntry entry = resourceDefs.get((String) a.get(0));
        if (entry == null) {
            r.error(id, "unknown ResourceDef " + a.get(0));
            return;
        }
        r.submit(new NewResource(r.from, id, entry, new OscArgList(new ArrayList<>(a.subList(2, a.size())))));
    }

    private boolean validResourceId(Request r, int id) {
        if (engine.resources().inRange(id)) {
            return true;
        }
        r.error(id, "resource id " + id + " out of range 0.." + (engine.resources().capacity() - 1));
        return false;
    }

    private void mapBus(Request r) {
        boolean input = r.address.endsWith("input");
        int id = r.i(0);
        int bus = r.i(2);
        int flags = r.i(3);
        if ((flags & ~BusMapping.ALL) != 0) {
            r.error(id, "unknown bus mapping flags " + flags);
            return;
        }
        int count = engine.buses().count(flags, input);
        if (bus >= count || bus < -1) {
            String kind = (flags & BusMapping.EXTERNAL) != 0 ? "hardware " + (input ? "input" : "output") : "internal";
            r.error(id, kind + " bus " + bus + " out of range 0.." + (count - 1));
            return;
        }
        r.submit(new MapBus(r.from, input, id, r.i(1), bus, flags));
    }
}
