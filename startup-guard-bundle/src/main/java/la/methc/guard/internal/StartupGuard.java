package la.methc.guard.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Ends the process when a bundle of the platform's own start levels (the launcher's {@code system/} bundles, up to
 * {@value #PLATFORM_LEVEL}) did not start: without one the engine never starts, and Felix's launcher only logs
 * the failure. It checks once, on the framework's event thread when it reports {@link FrameworkEvent#STARTED}, and
 * uses the framework API only, with no DS, so that it starts whatever else is broken. Plugins may fail alone. The
 * details: {@code docs/robustness.md}, "The start-up guard".
 */
public final class StartupGuard implements BundleActivator, FrameworkListener {

    /** The highest start level of the platform's own bundles (conf/config.properties: system/ at 2). */
    static final int PLATFORM_LEVEL = 2;
    static final int FAILURE_STATUS = 2;
    private static final String EXIT_ON_FAILURE = "methcla.exitOnFailure";

    private BundleContext context;

    @Override
    public void start(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(this);
    }

    @Override
    public void stop(BundleContext context) {
        context.removeFrameworkListener(this);
    }

    /** The framework's event thread. */
    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() != FrameworkEvent.STARTED) {
            return;
        }
        List<String> failures = failures(context.getBundles());
        if (failures.isEmpty()) {
            return;
        }
        for (String failure : failures) {
            System.err.println("methcla: cannot start the engine: " + failure);
        }
        // not on this thread: the framework's stop waits for its event thread
        Runnable end = Boolean.getBoolean(EXIT_ON_FAILURE) ? () -> System.exit(FAILURE_STATUS) : this::stopFramework;
        new Thread(end, "methcla-exit").start();
    }

    /** One line for each platform bundle that is not active and would still not start now. */
    static List<String> failures(Bundle[] bundles) {
        List<String> failures = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getBundleId() == 0 || isFragment(b) || b.getState() == Bundle.ACTIVE
                    || b.getState() == Bundle.STARTING
                    || b.adapt(BundleStartLevel.class).getStartLevel() > PLATFORM_LEVEL) {
                continue;
            }
            try {
                // transient: the launcher has already marked it to start
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                failures.add("bundle " + b.getSymbolicName() + " (" + b.getLocation() + ") did not start: "
                        + e.getMessage());
            }
        }
        return failures;
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private void stopFramework() {
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException e) {
            System.err.println("methcla: could not stop the framework: " + e.getMessage());
        }
    }
}
