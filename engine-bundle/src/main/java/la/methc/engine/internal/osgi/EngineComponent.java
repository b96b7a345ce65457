package la.methc.engine.internal.osgi;

import java.nio.file.Path;
import la.methc.api.CommandDef;
import la.methc.api.ResourceDef;
import la.methc.api.SynthDef;
import la.methc.engine.internal.CommandDefRegistry;
import la.methc.engine.internal.EngineOptions;
import la.methc.engine.internal.EngineRuntime;
import la.methc.engine.internal.ResourceDefRegistry;
import la.methc.engine.internal.SynthDefRegistry;
import la.methc.engine.internal.plugin.CommandDefEntry;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.tree.SynthDefEntry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as a DS component: reads its options ({@link EngineConfig} from ConfigAdmin PID
 * {@code la.methc.engine}, then {@code methcla.*} system and framework properties: {@link OptionSources}), runs
 * an {@link EngineRuntime}, and binds every SynthDef, ResourceDef and CommandDef service as it comes and goes. A
 * new configuration restarts the engine (no modified method). An option it cannot use (a malformed {@code allow} entry, a port that is not a number, …) stops the
 * framework with one clear line on the log and on standard error: an engine container without its engine, or
 * with a weaker client restriction than asked for, is worse than none. Registered as a service of its own class so
 * that {@link MethclaCommands} can ask it for the engine's state.
 */
@Component(service = EngineComponent.class, immediate = true, configurationPid = EngineOptions.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EngineConfig.class)
public final class EngineComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EngineComponent.class);
    /** How long a departing CommandDef's bundle waits for its running tasks. */
    private static final long COMMAND_RETIRE_TIMEOUT_MS = 5000;
    /** The system property with which a command-line launcher asks for a failing exit status. */
    static final String EXIT_ON_FAILURE = "methcla.exitOnFailure";
    static final int FAILURE_STATUS = 2;

    private final SynthDefRegistry defs = new SynthDefRegistry();
    private final ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
    private final CommandDefRegistry commandDefs = new CommandDefRegistry();
    /** Null when the engine could not start: the process (or the framework) is ending. */
    private final EngineRuntime runtime;

    @Activate
    public EngineComponent(BundleContext context, EngineConfig config) {
        EngineRuntime r = null;
        try {
            EngineOptions options = OptionSources.options(config, context::getProperty);
            r = new EngineRuntime(options, defs, resourceDefs, commandDefs, () -> stopFramework(context));
            // a render from the render cache starts its plugins itself, only those its score needs (ADR 0018)
            String index = context.getProperty(RenderPlugins.INDEX_PROPERTY);
            r.start(options.offline() && index != null && !index.isBlank()
                    ? new RenderPlugins(context, Path.of(index)) : new PluginsReady(context));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a bad option, or e.g. the OSC port taken (start has closed what it opened): a framework left
            // running without its engine would look alive. Not thrown: SCR would add a stack trace to the one
            // clear line.
            cannotStart(context, e);
            r = null;
        }
        runtime = r;
    }

    /**
     * The engine cannot run with these options: one line on the log and on standard error, then the process
     * ends, with status {@value #FAILURE_STATUS} when the launcher asked for it ({@value #EXIT_ON_FAILURE}, set by
     * bin/methcla: Felix's launcher itself always ends with 0), else by stopping the framework (tests, other
     * launchers).
     */
    private static void cannotStart(BundleContext context, RuntimeException e) {
        String why = "methcla: cannot start the engine: " + e.getMessage();
        LOG.error(why);
        System.err.println(why);
        if (Boolean.getBoolean(EXIT_ON_FAILURE)) {
            // System.exit runs Felix's shutdown hook, which stops the framework; not on this SCR thread, which
            // the framework's stop may wait for
            Thread t = new Thread(() -> System.exit(FAILURE_STATUS), "methcla-exit");
            t.start();
        } else {
            stopFramework(context);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSynthDef(SynthDef def) {
        defs.add(def);
    }

    /** The def's bundle is leaving: its synths are freed (with {@code /node/ended}) before its classes go. */
    void removeSynthDef(SynthDef def) {
        SynthDefEntry entry = defs.remove(def);
        if (entry != null && runtime != null) {
            runtime.retire(entry);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResourceDef(ResourceDef def) {
        resourceDefs.add(def);
    }

    /**
     * The def's bundle is leaving: new Resources of it are refused at once, the synths holding its Resources
     * are freed and its Resources destroyed (with {@code /resource/destroyed}) before its classes go.
     */
    void removeResourceDef(ResourceDef def) {
        ResourceDefEntry entry = resourceDefs.remove(def);
        if (entry != null && runtime != null) {
            runtime.retire(entry);
        }
    }

    /** A built-in address or one already bound is refused with a warning. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommandDef(CommandDef def) {
        commandDefs.add(def);
    }

    /**
     * The def's bundle is leaving: its address is unknown from now on; commands of it accepted but not yet
     * dispatched are refused ({@code /error}), and the tasks already dispatched finish before its classes go.
     */
    void removeCommandDef(CommandDef def) {
        CommandDefEntry entry = commandDefs.remove(def);
        if (entry != null && !entry.retire(COMMAND_RETIRE_TIMEOUT_MS)) {
            LOG.warn("{} tasks of CommandDef {} still run after {} ms; its bundle may leave before them",
                    entry.inFlight(), entry.address(), COMMAND_RETIRE_TIMEOUT_MS);
        }
    }

    /** The engine's state as a client sees it (for the shell), or null when the engine could not start. */
    public la.methc.engine.internal.EngineQueries queries() {
        return runtime == null ? null : runtime.queries();
    }

    @Deactivate
    void deactivate() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** {@code /quit}: stops the framework from a thread of its own (the caller is a network thread). */
    private static void stopFramework(BundleContext context) {
        Thread t = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("could not stop the framework", e);
            }
        }, "methcla-quit");
        t.start();
    }
}
