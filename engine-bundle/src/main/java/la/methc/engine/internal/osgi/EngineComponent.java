package la.methc.engine.internal.osgi;

import java.util.Map;
import la.methc.api.ResourceDef;
import la.methc.api.SynthDef;
import la.methc.engine.internal.EngineOptions;
import la.methc.engine.internal.EngineRuntime;
import la.methc.engine.internal.ResourceDefRegistry;
import la.methc.engine.internal.SynthDefRegistry;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as a DS component: reads its options (ConfigAdmin PID {@code la.methc.engine}, then
 * {@code methcla.*} system and framework properties), runs an {@link EngineRuntime}, and binds every SynthDef and
 * ResourceDef service as it comes and goes. A new configuration restarts the engine (no modified method).
 */
@Component(immediate = true, configurationPid = EngineOptions.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class EngineComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EngineComponent.class);

    private final SynthDefRegistry defs = new SynthDefRegistry();
    private final ResourceDefRegistry resourceDefs = new ResourceDefRegistry();
    private final EngineRuntime runtime;

    @Activate
    public EngineComponent(BundleContext context, Map<String, Object> config) {
        EngineOptions options = EngineOptions.from(key -> option(key, config, context));
        runtime = new EngineRuntime(options, defs, resourceDefs, () -> stopFramework(context));
        runtime.start(new PluginsReady(context));
    }

    /** ConfigAdmin, then the command line (system properties), then conf/config.properties. */
    private static String option(String key, Map<String, Object> config, BundleContext context) {
        Object configured = config.get(key);
        if (configured != null) {
            return configured.toString();
        }
        String commandLine = System.getProperty("methcla." + key);
        return commandLine != null ? commandLine : context.getProperty("methcla." + key);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSynthDef(SynthDef def) {
        defs.add(def);
    }

    /** The def's bundle is leaving: its synths are freed (with {@code /node/ended}) before its classes go. */
    void removeSynthDef(SynthDef def) {
        SynthDefEntry entry = defs.remove(def);
        if (entry != null) {
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
        if (entry != null) {
            runtime.retire(entry);
        }
    }

    @Deactivate
    void deactivate() {
        runtime.close();
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
