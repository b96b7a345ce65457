package la.methc.engine.internal.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import la.methc.engine.internal.EngineRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the framework has reached its start level and every jar in the hot-deploy folder
 * ({@code felix.fileinstall.dir}) is an active bundle, so "ready" (or a render) comes after the plugins
 * the user put there have registered their services. Gives up with a warning after a timeout: a broken plugin must not keep the
 * engine from starting.
 */
final class PluginsReady implements EngineRuntime.PluginsReady {

    private static final Logger LOG = LoggerFactory.getLogger(PluginsReady.class);
    private static final long TIMEOUT_MS = 15_000;

    private final BundleContext context;

    PluginsReady(BundleContext context) {
        this.context = context;
    }

    @Override
    public void await() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        List<String> missing = List.of("framework");
        while (System.nanoTime() < deadline) {
            try {
                missing = missing();
            } catch (IllegalStateException e) {
                return; // our bundle is stopping
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("not every plugin became active within {} ms: {}", TIMEOUT_MS, missing);
    }

    private List<String> missing() {
        if (context.getBundle(0).getState() != Bundle.ACTIVE) {
            return List.of("framework");
        }
        String dir = context.getProperty("felix.fileinstall.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .filter(n -> !isActive(n)).toList();
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private boolean isActive(String jarName) {
        for (Bundle b : context.getBundles()) {
            String location = b.getLocation();
            if (b.getState() == Bundle.ACTIVE && location.endsWith("/" + jarName)) {
                // active, and SCR has registered its components' services (it does so just after STARTED)
                return b.getHeaders().get("Service-Component") == null || b.getRegisteredServices() != null;
            }
        }
        return false;
    }
}
