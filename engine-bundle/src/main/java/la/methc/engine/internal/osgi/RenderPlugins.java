package la.methc.engine.internal.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import la.methc.api.CommandDef;
import la.methc.api.ResourceDef;
import la.methc.api.SynthDef;
import la.methc.engine.internal.EngineRuntime;
import la.methc.engine.internal.driver.ScoreNames;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A render whose plugins bin/methcla installed without starting them ({@value #INDEX_PROPERTY} names the render
 * cache's {@link PluginIndex}): starts those its score needs, by the index, or every one when there is no index,
 * the plugins are not the index's, or the score names something the index does not know (ADR 0018). A render that
 * started every plugin writes the index for the next. Plugins are started transiently, so that the framework
 * cache never starts them by itself.
 *
 * <p>Threads: the render thread (NRT), once, before the render.
 */
final class RenderPlugins implements EngineRuntime.PluginsReady {

    /** The framework property with the index file's path, set by bin/methcla. */
    static final String INDEX_PROPERTY = "methcla.render.pluginIndex";

    private static final Logger LOG = LoggerFactory.getLogger(RenderPlugins.class);

    private final BundleContext context;
    private final Path indexFile;
    private final PluginsReady ready;

    RenderPlugins(BundleContext context, Path indexFile) {
        this.context = context;
        this.indexFile = indexFile;
        ready = new PluginsReady(context, false);
    }

    @Override
    public void await() {
        await(null);
    }

    @Override
    public void await(ScoreNames names) {
        // the framework at its start level: the system bundles active, the plugins installed and resting
        ready.await();
        if (Thread.currentThread().isInterrupted()) {
            return; // the engine is stopping: start nothing
        }
        Map<String, Bundle> plugins = resting();
        PluginIndex index = readIndex();
        PluginIndex.Selection selection;
        if (index == null) {
            selection = PluginIndex.Selection.all("no plugin index yet");
        } else if (names == null) {
            selection = PluginIndex.Selection.all("no score");
        } else {
            selection = index.select(names, plugins.keySet());
        }
        List<String> started = new ArrayList<>();
        for (Map.Entry<String, Bundle> e : plugins.entrySet()) {
            if (selection.all() || selection.locations().contains(e.getKey())) {
                start(e.getValue());
                started.add(e.getValue().getSymbolicName());
            }
        }
        ready.await();
        if (!selection.all()) {
            LOG.info("render: started {} of {} plugins, those the score needs (plugin index): {}", started.size(),
                    plugins.size(), started);
            return;
        }
        LOG.info("render: started all {} plugins: {}", plugins.size(), selection.whyAll());
        if (index == null || !index.bundles().equals(plugins.keySet())) {
            writeIndex(plugins);
        }
    }

    /**
     * The plugins: the bundles installed but neither started nor marked to start (the system bundles are), nor
     * fragments, by location in the order they were installed.
     */
    private Map<String, Bundle> resting() {
        Map<String, Bundle> resting = new LinkedHashMap<>();
        List<Bundle> all = new ArrayList<>(List.of(context.getBundles()));
        all.sort(Comparator.comparingLong(Bundle::getBundleId));
        for (Bundle b : all) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            boolean marked = level != null && level.isPersistentlyStarted();
            boolean idle = b.getState() == Bundle.INSTALLED || b.getState() == Bundle.RESOLVED;
            if (b.getBundleId() != 0 && idle && !marked && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                resting.put(b.getLocation(), b);
            }
        }
        return resting;
    }

    private static void start(Bundle b) {
        try {
            b.start(Bundle.START_TRANSIENT);
        } catch (BundleException | IllegalStateException e) {
            // as when the framework starts it: the render goes on, and the score's commands for it fail with /error
            LOG.error("plugin {} did not start: {}", b.getLocation(), e.getMessage());
        }
    }

    private PluginIndex readIndex() {
        try {
            return PluginIndex.read(indexFile);
        } catch (IOException e) {
            LOG.warn("cannot read the plugin index {}: {}; starting every plugin", indexFile, e.getMessage());
            return null;
        }
    }

    /** The index of the plugins as they run now, every one started. */
    private void writeIndex(Map<String, Bundle> plugins) {
        Map<String, String> providers = new TreeMap<>();
        Map<String, Set<String>> needs = new TreeMap<>();
        for (Map.Entry<String, Bundle> e : plugins.entrySet()) {
            Bundle b = e.getValue();
            if (b.getState() != Bundle.ACTIVE) {
                continue; // it provides nothing: a score naming what it should have provided starts all again
            }
            ServiceReference<?>[] registered = b.getRegisteredServices();
            for (ServiceReference<?> ref : registered == null ? new ServiceReference<?>[0] : registered) {
                for (String name : defNames(ref)) {
                    if (PluginIndex.indexable(name)) {
                        providers.put(name, e.getKey());
                    }
                }
            }
            Set<String> needed = new TreeSet<>();
            BundleWiring wiring = b.adapt(BundleWiring.class);
            for (BundleWire w : wiring == null ? List.<BundleWire>of() : wiring.getRequiredWires(null)) {
                needed.add(w.getProvider().getBundle().getLocation());
            }
            ServiceReference<?>[] used = b.getServicesInUse();
            for (ServiceReference<?> ref : used == null ? new ServiceReference<?>[0] : used) {
                Bundle provider = ref.getBundle();
                if (provider != null) {
                    needed.add(provider.getLocation());
                }
            }
            needed.retainAll(plugins.keySet());
            needed.remove(e.getKey());
            if (!needed.isEmpty()) {
                needs.put(e.getKey(), needed);
            }
        }
        try {
            new PluginIndex(plugins.keySet(), providers, needs).write(indexFile);
            LOG.info("render: wrote the plugin index {} ({} plugins, {} names)", indexFile, plugins.size(),
                    providers.size());
        } catch (IOException e) {
            LOG.warn("cannot write the plugin index {}: {}; the next render starts every plugin too", indexFile,
                    e.getMessage());
        }
    }

    /** The URI or address of a SynthDef, ResourceDef or CommandDef service (none for any other service). */
    private List<String> defNames(ServiceReference<?> ref) {
        Object classes = ref.getProperty(Constants.OBJECTCLASS);
        if (!(classes instanceof String[] names) || !isDef(names)) {
            return List.of();
        }
        Object service = context.getService(ref);
        try {
            List<String> found = new ArrayList<>();
            if (service instanceof SynthDef d) {
                found.add(d.uri());
            }
            if (service instanceof ResourceDef d) {
                found.add(d.uri());
            }
            if (service instanceof CommandDef d) {
                found.add(d.address());
            }
            return found;
        } finally {
            if (service != null) {
                context.ungetService(ref);
            }
        }
    }

    private static boolean isDef(String[] classes) {
        for (String c : classes) {
            if (c.equals(SynthDef.class.getName()) || c.equals(ResourceDef.class.getName())
                    || c.equals(CommandDef.class.getName())) {
                return true;
            }
        }
        return false;
    }
}
