package la.methc.engine.internal.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import la.methc.api.SynthDef;
import la.methc.engine.internal.EngineRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every bundle marked to start is active, every plugin has registered its services and every
 * jar in the hot-deploy folder ({@code felix.fileinstall.dir}) is started, so "ready" (or a render) comes
 * after the plugins present at start are bound. Checks again on every bundle, service and framework event (and
 * every 250 ms). Gives up with a warning after a timeout: a broken plugin must not keep the engine from starting.
 */
final class PluginsReady implements EngineRuntime.PluginsReady {

    private static final Logger LOG = LoggerFactory.getLogger(PluginsReady.class);
    private static final long TIMEOUT_MS = 15_000;
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final BundleContext context;
    /** False in a render that starts its plugins itself ({@link RenderPlugins}): the folder's jars may rest. */
    private final boolean watchFolder;

    PluginsReady(BundleContext context) {
        this(context, true);
    }

    PluginsReady(BundleContext context, boolean watchFolder) {
        this.context = context;
        this.watchFolder = watchFolder;
    }

    @Override
    public void await() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        // every bundle, service and framework event may complete the condition: each wakes us to check it again
        Thread waiter = Thread.currentThread();
        BundleListener bundles = e -> LockSupport.unpark(waiter);
        ServiceListener services = e -> LockSupport.unpark(waiter);
        FrameworkListener framework = e -> LockSupport.unpark(waiter);
        List<String> missing = List.of("framework");
        try {
            context.addBundleListener(bundles);
            context.addServiceListener(services);
            context.addFrameworkListener(framework);
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                missing = missing();
                if (missing.isEmpty()) {
                    return;
                }
                // an event since the check above left a permit, so this returns at once; files in the hot-deploy
                // folder come and go without an event, hence the bound
                LockSupport.parkNanos(this, Math.min(left, RECHECK_NANOS));
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (IllegalStateException e) {
            return; // our bundle is stopping
        } finally {
            try {
                context.removeFrameworkListener(framework);
                context.removeServiceListener(services);
                context.removeBundleListener(bundles);
            } catch (IllegalStateException e) {
                // stopped: the framework dropped our listeners already
            }
        }
        LOG.warn("not every plugin became active within {} ms: {}", TIMEOUT_MS, missing);
    }

    private List<String> missing() {
        if (context.getBundle(0).getState() != Bundle.ACTIVE) {
            return List.of("framework");
        }
        List<String> missing = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (!isReady(b)) {
                missing.add(b.getSymbolicName());
            }
        }
        if (watchFolder) {
            missing.addAll(notStarted());
        }
        return missing;
    }

    /**
     * A bundle marked to start is active (the framework may still be raising its start level), and a plugin
     * (a bundle with components that imports the plugin API) has registered its services, which SCR does
     * just after the bundle started.
     */
    private boolean isReady(Bundle b) {
        if (b.getBundleId() == 0 || b.equals(context.getBundle()) || b.getHeaders().get("Fragment-Host") != null) {
            return true;
        }
        if (b.getState() != Bundle.ACTIVE) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            return level == null || !level.isPersistentlyStarted();
        }
        String imports = b.getHeaders().get("Import-Package");
        boolean plugin = b.getHeaders().get("Service-Component") != null && imports != null
                && imports.contains(SynthDef.class.getPackageName());
        return !plugin || b.getRegisteredServices() != null;
    }

    /**
     * Jars in the hot-deploy folder not started yet: by FileInstall, or in a render whose folder holds bundles
     * only, by Felix's launcher (ADR 0009).
     */
    private List<String> notStarted() {
        String dir = context.getProperty("felix.fileinstall.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .filter(n -> !isStarted(n)).toList();
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private boolean isStarted(String jarName) {
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().endsWith("/" + jarName)) {
                return b.getState() == Bundle.ACTIVE || b.getHeaders().get("Fragment-Host") != null;
            }
        }
        return false;
    }
}
