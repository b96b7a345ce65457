package la.methc.engine.internal.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import la.methc.api.CommandDef;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.ResourceDef;
import la.methc.api.SynthDef;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code bin/methcla check-plugin JAR}, run in a throw-away engine whose plugins are the distribution's: installs the
 * jar (the distribution's bundle of the same symbolic name stands aside), starts it or says why it does not resolve,
 * reports its DS components and the SynthDef, ResourceDef and CommandDef URIs it registers (and the ones the engine
 * ignores, being bound already), then tries each SynthDef ({@link SynthTrial}) with an AudioBuffer made by the
 * AudioBuffer ResourceDef for its resource ports. The check thread.
 */
public final class PluginCheck {

    /** The AudioBuffer's kind (docs/osc-api.md); the engine does not import the AudioBuffer bundle's packages. */
    static final String AUDIO_BUFFER_URI = "http://methc.la/resources/AudioBuffer/v1";
    /** The id of the check's AudioBuffer, for options and remap. */
    static final int BUFFER_ID = 0;

    private final BundleContext context;
    private final Host host;
    private final CheckReport report = new CheckReport();

    public PluginCheck(BundleContext context, Host host) {
        this.context = context;
        this.host = host;
    }

    /** Checks {@code jar}; the report says what was found, and the status to end with. */
    public CheckReport run(Path jar) throws InterruptedException {
        String name = symbolicName(jar);
        if (name == null) {
            return report;
        }
        standAside(name);
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            // a location of its own: the same file in plugins/ would otherwise be the bundle installed already
            bundle = context.installBundle("check:" + jar.toUri(), in);
        } catch (BundleException | IOException e) {
            report.fail(jar + ": cannot be installed: " + e.getMessage());
            return report;
        }
        String label = "bundle " + name + " " + bundle.getVersion();
        if (!start(bundle, label)) {
            return report;
        }
        Components components = new Components(context, bundle);
        components.awaitSettled();
        List<SynthDef> synthDefs = services(bundle);
        components.report(report);
        tryAll(synthDefs);
        return report;
    }

    /** The jar's Bundle-SymbolicName, or null with the reason reported (not a jar: a usage error). */
    private String symbolicName(Path jar) {
        if (!Files.isRegularFile(jar)) {
            report.usage(jar + ": no such file");
            return null;
        }
        Manifest manifest;
        try (JarFile j = new JarFile(jar.toFile())) {
            manifest = j.getManifest();
        } catch (IOException e) {
            report.usage(jar + ": not a jar (" + e.getMessage() + ")");
            return null;
        }
        String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null) {
            report.fail(jar + ": no OSGi bundle (its manifest has no Bundle-SymbolicName)");
            return null;
        }
        return bsn.split(";")[0].trim();
    }

    /** Uninstalls the distribution's bundle of symbolic name {@code name}, if any, so the jar can take its place. */
    private void standAside(String name) throws InterruptedException {
        List<Bundle> gone = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0 && name.equals(b.getSymbolicName())) {
                try {
                    b.uninstall();
                    gone.add(b);
                    report.note("bundle " + name + ": the distribution's copy (" + b.getLocation()
                            + ") stands aside for the jar checked");
                } catch (BundleException e) {
                    report.note("bundle " + name + ": the distribution's copy could not be uninstalled: "
                            + e.getMessage());
                }
            }
        }
        if (!gone.isEmpty()) {
            CountDownLatch refreshed = new CountDownLatch(1);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(gone, e -> {
                if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    refreshed.countDown();
                }
            });
            refreshed.await(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the bundle; false with the findings reported when it does not resolve or start. */
    private boolean start(Bundle bundle, String label) {
        try {
            bundle.start();
            report.ok(label + ": resolves and starts");
            return true;
        } catch (BundleException | IllegalStateException e) {
            if (bundle.getState() == Bundle.INSTALLED) {
                report.fail(label + ": does not resolve: " + e.getMessage());
                for (String missing : Requirements.missing(context, bundle)) {
                    report.fail(label + ": needs " + missing + ", which no bundle here provides");
                }
            } else {
                Throwable why = e.getCause() == null ? e : e.getCause();
                report.fail(label + ": does not start: " + SynthTrial.describe(why));
            }
            return false;
        }
    }

    /** Reports the plugin services {@code bundle} registers; returns its SynthDefs, sorted by URI. */
    private List<SynthDef> services(Bundle bundle) {
        List<SynthDef> synthDefs = new ArrayList<>();
        int plugins = 0;
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            SynthDef s = service(ref, SynthDef.class);
            if (s != null) {
                synthDefs.add(s);
                registered(bundle, "SynthDef", s.uri(), SynthDef.class, SynthDef::uri);
                plugins++;
            }
            ResourceDef r = service(ref, ResourceDef.class);
            if (r != null) {
                registered(bundle, "ResourceDef", r.uri(), ResourceDef.class, ResourceDef::uri);
                plugins++;
            }
            CommandDef c = service(ref, CommandDef.class);
            if (c != null) {
                registered(bundle, "CommandDef", c.address(), CommandDef.class, CommandDef::address);
                plugins++;
            }
        }
        if (plugins == 0) {
            report.fail("bundle " + bundle.getSymbolicName() + ": registers no SynthDef, ResourceDef or CommandDef");
        }
        synthDefs.sort(Comparator.comparing(SynthDef::uri));
        return synthDefs;
    }

    /** The service of {@code ref} as a {@code type}, or null when it is none (or of another API's class space). */
    private <T> T service(ServiceReference<?> ref, Class<T> type) {
        String[] classes = (String[]) ref.getProperty("objectClass");
        if (classes == null || !List.of(classes).contains(type.getName())) {
            return null;
        }
        if (!ref.isAssignableTo(context.getBundle(), type.getName())) {
            report.fail("bundle " + ref.getBundle().getSymbolicName() + ": registers a " + type.getSimpleName()
                    + " of another " + type.getPackageName() + " than the engine's (import the package, do not embed"
                    + " it)");
            return null;
        }
        Object s = context.getService(ref);
        if (s == null) {
            report.fail("bundle " + ref.getBundle().getSymbolicName() + ": a " + type.getSimpleName()
                    + " service could not be got (its component failed to activate)");
        }
        return type.cast(s);
    }

    /** One line for a registered def: ok, or a FAIL when another bundle holds its URI (the engine binds the first). */
    private <T> void registered(Bundle bundle, String kind, String uri, Class<T> type, Function<T, String> key) {
        try {
            for (ServiceReference<T> other : context.getServiceReferences(type, null)) {
                Bundle owner = other.getBundle();
                if (owner == null || owner.equals(bundle)) {
                    continue;
                }
                T def = context.getService(other);
                try {
                    if (def != null && uri.equals(key.apply(def))) {
                        report.fail(kind + " " + uri + ": already bound from bundle " + owner.getSymbolicName()
                                + "; the engine ignores this one");
                        return;
                    }
                } finally {
                    context.ungetService(other);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        report.ok("registers " + kind + " " + uri);
    }

    /** Runs every SynthDef, with the check's AudioBuffer when the AudioBuffer ResourceDef is here. */
    private void tryAll(List<SynthDef> synthDefs) throws InterruptedException {
        if (synthDefs.isEmpty()) {
            return;
        }
        ResourceDef bufferDef = audioBufferDef();
        Object buffer = null;
        if (bufferDef != null) {
            try {
                buffer = bufferDef.construct(host, OscArgs.of(1, (int) Math.ceil(host.sampleRate())));
            } catch (RuntimeException e) {
                report.note("no AudioBuffer for resource ports: " + e.getMessage());
            }
        }
        try {
            for (SynthDef def : synthDefs) {
                try {
                    new SynthTrial(def, host, report, BUFFER_ID, AUDIO_BUFFER_URI, buffer).run();
                } catch (RuntimeException e) {
                    // e.g. a def whose ports() list cannot even be read: reported, and the other defs still tried
                    report.fail("SynthDef " + def.uri() + ": the check failed on it: " + SynthTrial.describe(e));
                }
            }
        } finally {
            if (buffer != null) {
                bufferDef.destroy(host, buffer);
            }
        }
    }

    private ResourceDef audioBufferDef() {
        for (ServiceReference<ResourceDef> ref : references()) {
            ResourceDef def = context.getService(ref);
            if (def != null && AUDIO_BUFFER_URI.equals(def.uri())) {
                return def;
            }
        }
        return null;
    }

    private java.util.Collection<ServiceReference<ResourceDef>> references() {
        try {
            return context.getServiceReferences(ResourceDef.class, null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
    }
}
